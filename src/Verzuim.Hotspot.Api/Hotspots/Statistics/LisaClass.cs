namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>LISA cluster map class: the quadrant where significant, else not significant.</summary>
internal enum LisaClass
{
    NotSignificant,
    HighHigh,
    LowLow,
    HighLow,
    LowHigh,
    NoNeighbours,
}
