using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// Runs Gi* or local Moran over the rates of one level: the glue between the counts, the contiguity and the
/// statistics, kept free of I/O so the endpoint, the tests and the benchmark run the same code.
/// </summary>
/// <remarks>
/// Areas without students have no rate: they are left out of the statistic (and out of their neighbours' lists)
/// and reported as "NoData". Classes come from the Benjamini-Hochberg adjusted analytic p, because with 999
/// permutations the pseudo p cannot go below 0.001, which BH over thousands of areas can never push under 0.01.
/// </remarks>
internal static class HotspotAnalysis
{
    public const double MoranAlpha = 0.05;

    public static AreaStatistic[] Run(IReadOnlyList<AreaCounts> counts, Contiguity contiguity, HotspotMethod method,
        RateSmoothing smoothing, int permutations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(contiguity);
        if (counts.Count != contiguity.Count)
        {
            throw new ArgumentException($"{counts.Count} areas with counts for {contiguity.Count} in the contiguity.", nameof(counts));
        }

        // Positions of the areas with data, and their neighbour lists re-indexed to that subset.
        var position = new int[counts.Count];
        var used = new List<int>();
        for (var i = 0; i < counts.Count; i++)
        {
            position[i] = counts[i].Students > 0 ? used.Count : -1;
            if (position[i] >= 0)
            {
                used.Add(i);
            }
        }
        var result = new AreaStatistic[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            result[i] = new AreaStatistic(double.NaN, double.NaN, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, AreaStatistic.NoData);
        }
        if (used.Count < 3)
        {
            return result;
        }

        var neighbours = new int[used.Count][];
        for (var k = 0; k < used.Count; k++)
        {
            neighbours[k] = [.. contiguity.Neighbours[used[k]].Select(j => position[j]).Where(j => j >= 0)];
        }
        var events = used.Select(i => (double)counts[i].Reports).ToArray();
        var population = used.Select(i => (double)counts[i].Students).ToArray();
        var raw = new double[used.Count];
        for (var k = 0; k < raw.Length; k++)
        {
            raw[k] = events[k] / population[k];
        }
        var values = smoothing == RateSmoothing.EmpiricalBayes ? [.. EmpiricalBayes.Estimate(events, population).Smoothed] : raw;

        var pSim = permutations > 0
            ? method == HotspotMethod.GiStar
                ? ConditionalPermutation.GiStar(values, neighbours, permutations, seed)
                : ConditionalPermutation.LocalMoran(values, neighbours, permutations, seed)
            : [.. Enumerable.Repeat(double.NaN, used.Count)];

        if (method == HotspotMethod.GiStar)
        {
            var gi = GetisOrdGiStar.Compute(values, neighbours);
            // Isolates have a z but no cluster test: their p stays out of the FDR family.
            var fdr = BenjaminiHochberg.Adjust([.. gi.Select(a => a.HasNeighbours ? a.PTwoSided : double.NaN)]);
            for (var k = 0; k < used.Count; k++)
            {
                var a = gi[k];
                result[used[k]] = new AreaStatistic(raw[k], values[k], neighbours[k].Length,
                    a.HasNeighbours ? a.Z : double.NaN, a.HasNeighbours ? a.PTwoSided : double.NaN, pSim[k], fdr[k], double.NaN,
                    HotspotClassifier.Classify(a.Z, fdr[k], a.HasNeighbours).ToString());
            }
        }
        else
        {
            var moran = LocalMoran.Compute(values, neighbours);
            var fdr = BenjaminiHochberg.Adjust([.. moran.Select(a => a.P)]);
            for (var k = 0; k < used.Count; k++)
            {
                var a = moran[k];
                result[used[k]] = new AreaStatistic(raw[k], values[k], neighbours[k].Length,
                    a.ZIi, a.P, pSim[k], fdr[k], a.HasNeighbours ? a.Ii : double.NaN,
                    LocalMoran.Classify(a, fdr[k], MoranAlpha).ToString());
            }
        }
        return result;
    }
}
