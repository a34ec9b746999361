namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Hot/cold spots at 90, 95 and 99% confidence. Pass whichever p is wanted (analytic, pseudo or
/// BH-adjusted); significance is p &lt; alpha, direction is the sign of z.
/// </summary>
internal static class HotspotClassifier
{
    public static HotspotClass Classify(double z, double p, bool hasNeighbours)
    {
        if (!hasNeighbours)
        {
            return HotspotClass.NoNeighbours;
        }

        if (double.IsNaN(z) || double.IsNaN(p) || z == 0)
        {
            return HotspotClass.NotSignificant;
        }

        var level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
        return (HotspotClass)(z > 0 ? level : -level);
    }

    public static HotspotClass[] Classify(IReadOnlyList<GiStarArea> areas, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(p);
        if (areas.Count != p.Count)
        {
            throw new ArgumentException($"{p.Count} p-values for {areas.Count} areas.", nameof(p));
        }

        var classes = new HotspotClass[areas.Count];
        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = Classify(areas[i].Z, p[i], areas[i].HasNeighbours);
        }

        return classes;
    }
}
