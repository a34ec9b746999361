namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Benjamini-Hochberg (1995) false discovery rate adjustment, identical to R's
/// <c>p.adjust(p, "BH")</c>: NaN entries stay NaN and do not count towards n.
/// </summary>
internal static class BenjaminiHochberg
{
    public static double[] Adjust(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var adjusted = new double[p.Count];
        var order = new List<int>(p.Count);
        for (var i = 0; i < p.Count; i++)
        {
            adjusted[i] = double.NaN;
            if (!double.IsNaN(p[i]))
            {
                order.Add(i);
            }
        }

        // Largest p first; ties may come in any order because cummin gives them one value.
        order.Sort((a, b) => p[b].CompareTo(p[a]));
        var n = order.Count;
        var running = double.PositiveInfinity;
        for (var r = 0; r < n; r++)
        {
            var rank = n - r;
            running = Math.Min(running, (double)n / rank * p[order[r]]);
            adjusted[order[r]] = Math.Min(1, running);
        }

        return adjusted;
    }
}
