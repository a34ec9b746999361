namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>Moran scatterplot quadrant: first letter the area's value, second its spatial lag.</summary>
internal enum LisaQuadrant
{
    HighHigh,
    LowLow,
    HighLow,
    LowHigh,
}
