namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// A planted hotspot: every PC4 whose point lies within <paramref name="RadiusM"/> of (<paramref name="XRd"/>,
/// <paramref name="YRd"/>) (RD New, EPSG:28992) has its absence rate multiplied by <paramref name="Multiplier"/>.
/// Where circles overlap the largest multiplier applies.
/// </summary>
internal sealed record SyntheticAreaHotspot(string Name, double XRd, double YRd, double RadiusM, double Multiplier, string Note = "")
{
    public bool Contains(double x, double y)
    {
        var dx = x - XRd;
        var dy = y - YRd;
        return (dx * dx) + (dy * dy) <= RadiusM * RadiusM;
    }
}
