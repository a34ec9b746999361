namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Funnel plot for counts against a national rate (Spiegelhalter 2005): indicator y = O/E with
/// target 1 and Poisson standard error 1/sqrt(E), so z = (O - E)/sqrt(E). Over-dispersion is
/// estimated from z winsorised at its 10th/90th percentiles and, when phi &gt; 1, handled with an
/// additive random effect tau^2 (DerSimonian-Laird form, weights w = E).
/// </summary>
internal static class FunnelPlot
{
    /// <summary>qnorm(0.975) and qnorm(0.999): two-sided 95% and 99.8% limits.</summary>
    public const double Z95 = 1.959963984540054;
    public const double Z998 = 3.090232306167813;

    private const double WinsorFraction = 0.1;

    /// <summary>E_i = population_i * sum(O) / sum(population).</summary>
    public static double[] ExpectedCounts(IReadOnlyList<double> observed, IReadOnlyList<double> population)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(population);
        if (observed.Count != population.Count)
        {
            throw new ArgumentException($"{population.Count} populations for {observed.Count} counts.", nameof(population));
        }

        var rate = observed.Sum() / population.Sum();
        return [.. population.Select(p => p * rate)];
    }

    /// <summary>Every expected count must be positive: leave out units without students first.</summary>
    public static FunnelPlotResult Analyse(IReadOnlyList<double> observed, IReadOnlyList<double> expected)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expected);
        var count = observed.Count;
        if (expected.Count != count || count < 2)
        {
            throw new ArgumentException("Need at least two units with one expected count each.", nameof(expected));
        }

        var z = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!(expected[i] > 0) || !double.IsFinite(expected[i]) || !(observed[i] >= 0) || !double.IsFinite(observed[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(expected), $"Unit {i}: need E > 0 and O >= 0, got O={observed[i]}, E={expected[i]}.");
            }

            z[i] = (observed[i] - expected[i]) / Math.Sqrt(expected[i]);
        }

        var phi = WinsorisedPhi(z);
        var tau2 = 0.0;
        if (phi > 1)
        {
            double sumW = 0, sumW2 = 0;
            foreach (var w in expected)
            {
                sumW += w;
                sumW2 += w * w;
            }

            tau2 = Math.Max(0, ((count * phi) - (count - 1)) / (sumW - (sumW2 / sumW)));
        }

        var units = new FunnelUnit[count];
        for (var i = 0; i < count; i++)
        {
            var ratio = observed[i] / expected[i];
            var sd = Math.Sqrt((1 / expected[i]) + tau2);
            var adjustedZ = tau2 > 0 ? (ratio - 1) / sd : z[i];
            units[i] = new FunnelUnit(
                observed[i],
                expected[i],
                ratio,
                z[i],
                adjustedZ,
                Math.Max(0, 1 - (Z95 * sd)),
                1 + (Z95 * sd),
                Math.Max(0, 1 - (Z998 * sd)),
                1 + (Z998 * sd),
                Flag(adjustedZ, Z95),
                Flag(adjustedZ, Z998));
        }

        return new FunnelPlotResult(units, phi, tau2, phi > 1);
    }

    private static FunnelFlag Flag(double z, double limit) =>
        z > limit ? FunnelFlag.High : z < -limit ? FunnelFlag.Low : FunnelFlag.Normal;

    // Percentiles as R's quantile(type = 7), so the estimate can be reproduced in R.
    private static double WinsorisedPhi(double[] z)
    {
        var sorted = (double[])z.Clone();
        Array.Sort(sorted);
        var lower = Quantile(sorted, WinsorFraction);
        var upper = Quantile(sorted, 1 - WinsorFraction);
        double sum = 0;
        foreach (var value in z)
        {
            var w = Math.Clamp(value, lower, upper);
            sum += w * w;
        }

        return sum / z.Length;
    }

    private static double Quantile(double[] sorted, double probability)
    {
        // 1-based index exactly as R computes it, for bit-identical h.
        var index = 1 + ((sorted.Length - 1) * probability);
        var lo = Math.Floor(index);
        var h = index - lo;
        var at = (int)lo - 1;
        return h > 0 && at + 1 < sorted.Length ? ((1 - h) * sorted[at]) + (h * sorted[at + 1]) : sorted[at];
    }
}
