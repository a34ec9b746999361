namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// One unit on the funnel plot. Limits are on the ratio (O/E) scale for this unit's E and already
/// include tau^2 when over-dispersion was corrected; lower limits are clipped at 0. Flags come
/// from <see cref="AdjustedZ"/> (equal to <see cref="Z"/> without correction) against 1.96 / 3.09.
/// </summary>
internal sealed record FunnelUnit(
    double Observed,
    double Expected,
    double Ratio,
    double Z,
    double AdjustedZ,
    double Lower95,
    double Upper95,
    double Lower998,
    double Upper998,
    FunnelFlag Flag95,
    FunnelFlag Flag998);
