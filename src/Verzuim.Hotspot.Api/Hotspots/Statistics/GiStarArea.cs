namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Getis-Ord Gi* for one area. <see cref="G"/> is the share of the total of x held by the area and
/// its neighbours; <see cref="Z"/> is spdep's <c>localG</c> value. An area without neighbours still
/// gets a value (its own standardised x) but <see cref="HasNeighbours"/> is false.
/// </summary>
internal sealed record GiStarArea(
    double G,
    double Z,
    double PTwoSided,
    double PGreater,
    double PLess,
    bool HasNeighbours);
