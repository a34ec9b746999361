using System.Net;
using System.Text;

namespace Verzuim.Hotspot.Api.Packs;

/// <summary>
/// An inline SVG map in RD New (one unit = one metre, y flipped by ST_AsSVG), with a scale bar and a legend.
/// Colours are viridis classes (colour-blind safe); highlighted regions get a thick orange outline.
/// </summary>
internal static class PackMap
{
    public static readonly string[] Viridis = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];
    public const string NoData = "#e0e0e0";
    public const string Highlight = "#e66100";

    public static string Render(PackGeometry geometry, Func<string, string> fill, ISet<string> highlighted,
        IEnumerable<(CampusPoint Campus, double Radius)> campuses, string title, PackTexts texts)
    {
        var inv = CultureInfo.InvariantCulture;
        var margin = 5000.0;
        var (x0, y0) = (geometry.MinX - margin, -geometry.MaxY - margin);
        var (w, h) = (geometry.MaxX - geometry.MinX + (2 * margin), geometry.MaxY - geometry.MinY + (2 * margin));
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0:0} {y0:0} {w:0} {h:0}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        foreach (var region in geometry.Regions)
        {
            svg.Append(inv, $"<path d=\"{region.Path}\" fill=\"{fill(region.Code)}\" stroke=\"#555\" stroke-width=\"0.6\" vector-effect=\"non-scaling-stroke\"><title>{WebUtility.HtmlEncode(region.Name)}</title></path>");
        }
        foreach (var region in geometry.Regions.Where(r => highlighted.Contains(r.Code)))
        {
            svg.Append(inv, $"<path d=\"{region.Path}\" fill=\"none\" stroke=\"{Highlight}\" stroke-width=\"2.5\" vector-effect=\"non-scaling-stroke\"/>");
        }
        foreach (var (campus, radius) in campuses)
        {
            svg.Append(inv, $"<circle cx=\"{campus.X:0}\" cy=\"{-campus.Y:0}\" r=\"{radius:0}\" fill=\"{Highlight}\" stroke=\"#222\" stroke-width=\"0.5\" vector-effect=\"non-scaling-stroke\"/>");
        }
        // Scale bar: 50 km in the lower left corner, in the map's own metres.
        var (sx, sy) = (geometry.MinX, -geometry.MinY - 2000);
        svg.Append(inv, $"<g class=\"scale\"><rect x=\"{sx:0}\" y=\"{sy - 3000:0}\" width=\"25000\" height=\"3000\" fill=\"#222\"/>");
        svg.Append(inv, $"<rect x=\"{sx + 25000:0}\" y=\"{sy - 3000:0}\" width=\"25000\" height=\"3000\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"0.6\" vector-effect=\"non-scaling-stroke\"/>");
        svg.Append(inv, $"<text x=\"{sx:0}\" y=\"{sy - 5000:0}\" font-size=\"7000\">0</text><text x=\"{sx + 50000:0}\" y=\"{sy - 5000:0}\" font-size=\"7000\" text-anchor=\"middle\">{texts.Format("scale", 50)}</text></g>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Quantile breaks of the shown values, so each colour holds about as many regions.</summary>
    public static double[] Breaks(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }
        return [.. Enumerable.Range(1, Viridis.Length - 1).Select(i => sorted[Math.Min(sorted.Length - 1, i * sorted.Length / Viridis.Length)]).Distinct()];
    }

    public static string ColorOf(double value, double[] breaks)
    {
        var i = 0;
        while (i < breaks.Length && value >= breaks[i])
        {
            i++;
        }
        return Viridis[Math.Min(i, Viridis.Length - 1)];
    }
}
