namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Gi* bin as in ArcGIS's Gi_Bin: sign from z, level from p. <see cref="NoNeighbours"/> marks
/// isolated areas, which cannot form a cluster and are never hot or cold.
/// </summary>
internal enum HotspotClass
{
    Cold99 = -3,
    Cold95 = -2,
    Cold90 = -1,
    NotSignificant = 0,
    Hot90 = 1,
    Hot95 = 2,
    Hot99 = 3,
    NoNeighbours = 100,
}
