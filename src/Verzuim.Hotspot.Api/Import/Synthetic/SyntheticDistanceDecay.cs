using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>How campus attractiveness falls off with distance in the gravity model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyntheticDistanceDecay>))]
internal enum SyntheticDistanceDecay
{
    /// <summary>exp(-distance / decayM).</summary>
    Exponential,

    /// <summary>(distance + powerOffsetM)^-powerExponent.</summary>
    Power,
}
