namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Global empirical Bayes rate smoothing (Marshall 1991, method of moments), equal to spdep's
/// <c>EBest(n, x)</c> with family = "poisson": small populations are pulled towards the overall rate.
/// </summary>
internal static class EmpiricalBayes
{
    public static EmpiricalBayesResult Estimate(IReadOnlyList<double> events, IReadOnlyList<double> population)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(population);
        var m = events.Count;
        if (population.Count != m || m == 0)
        {
            throw new ArgumentException("Need one population per event count, and at least one area.", nameof(population));
        }

        for (var i = 0; i < m; i++)
        {
            if (!(population[i] > 0) || !(events[i] >= 0) || !double.IsFinite(population[i]) || !double.IsFinite(events[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(population), $"Area {i}: need population > 0 and events >= 0.");
            }
        }

        var raw = new double[m];
        for (var i = 0; i < m; i++)
        {
            raw[i] = events[i] / population[i];
        }

        var populationSum = population.Sum();
        var b = events.Sum() / populationSum;
        double s2 = 0;
        for (var i = 0; i < m; i++)
        {
            s2 += population[i] * ((raw[i] - b) * (raw[i] - b) / populationSum);
        }

        var a = Math.Max(0, s2 - (b / (populationSum / m)));
        var smoothed = new double[m];
        for (var i = 0; i < m; i++)
        {
            // a = 0 means no extra-Poisson variation: every area gets b (spdep gives NaN if also b = 0).
            smoothed[i] = a == 0 ? b : b + (a * (raw[i] - b) / (a + (b / population[i])));
        }

        return new EmpiricalBayesResult(raw, smoothed, a, b);
    }
}
