namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// <see cref="Phi"/> is the winsorised over-dispersion estimate; when it is at most 1 nothing is
/// corrected and <see cref="Tau2"/> is 0.
/// </summary>
internal sealed record FunnelPlotResult(
    IReadOnlyList<FunnelUnit> Units,
    double Phi,
    double Tau2,
    bool OverdispersionCorrected);
