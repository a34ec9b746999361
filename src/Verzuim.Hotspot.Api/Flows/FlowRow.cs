using Verzuim.Hotspot.Api.Regions;

namespace Verzuim.Hotspot.Api.Flows;

/// <summary>A row of a flow matrix: an RMC region of residence, or the unplaced row (postcodes without a region).</summary>
internal sealed record FlowRow(string Id, string Name, bool Unplaced, ContactMunicipality? ContactMunicipality, double? Lon, double? Lat)
{
    public const string UnplacedId = "unplaced";
}
