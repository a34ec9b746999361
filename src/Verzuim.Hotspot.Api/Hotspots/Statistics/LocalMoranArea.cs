namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Local Moran's I for one area, named after spdep's columns. Areas without neighbours have
/// I = E = Var = 0 and NaN <see cref="ZIi"/> and <see cref="P"/>, as spdep with zero.policy = TRUE.
/// </summary>
internal sealed record LocalMoranArea(
    double Ii,
    double EIi,
    double VarIi,
    double ZIi,
    double P,
    LisaQuadrant Quadrant,
    bool HasNeighbours);
