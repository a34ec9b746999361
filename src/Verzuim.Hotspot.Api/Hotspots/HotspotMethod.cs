namespace Verzuim.Hotspot.Api.Hotspots;

internal enum HotspotMethod
{
    /// <summary>Getis-Ord Gi*: hot and cold spots at 90, 95 and 99%.</summary>
    GiStar,

    /// <summary>Local Moran's I: HighHigh, LowLow, HighLow and LowHigh clusters and outliers.</summary>
    Moran,
}
