namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// One area's result. <see cref="Class"/> is a <c>HotspotClass</c> or <c>LisaClass</c> name, or "NoData" for an
/// area without students. NaN where a value does not exist (no data, no neighbours, Moran's p of an isolate).
/// <see cref="Neighbours"/> counts neighbours with data, the ones the statistic used.
/// </summary>
internal sealed record AreaStatistic(
    double Rate,
    double Value,
    int Neighbours,
    double Z,
    double P,
    double PSim,
    double PFdr,
    double LocalI,
    string Class)
{
    public const string NoData = "NoData";
}
