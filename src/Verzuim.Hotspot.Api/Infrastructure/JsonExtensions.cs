using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class JsonExtensions
{
    /// <summary>
    /// JSON answers: camelCase, enums as names, nulls left out unless a member says otherwise. GeoJSON answers are
    /// written by <see cref="Geo.GeoJsonWriter"/>, not by a converter.
    /// </summary>
    public static IServiceCollection AddHotspotJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
}
