namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

internal enum FunnelFlag
{
    Normal = 0,
    High = 1,
    Low = 2,
}
