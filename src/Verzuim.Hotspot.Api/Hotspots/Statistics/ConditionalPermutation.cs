namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Conditional permutation pseudo p-values (Anselin 1995): x_i stays put and k_i values drawn
/// without replacement from the other n - 1 areas fill its neighbour slots.
/// </summary>
/// <remarks>
/// Given x_i fixed, both Gi* (binary, self included) and local Moran's I (row-standardised) are
/// monotone in the sum of the neighbour values, so one count of "simulated sum &gt;= observed" and
/// "&lt;=" serves both. The folded p is (min(#&gt;=, #&lt;=) + 1) / (nsim + 1), as esda/spdep's
/// "Pr(folded) Sim" but counting ties on both sides, which makes a constant statistic p = 1.
/// Each area draws from its own xoshiro stream keyed by (seed, area index), so results do not
/// depend on how Parallel.For schedules areas. Areas without neighbours get NaN.
/// </remarks>
internal static class ConditionalPermutation
{
    public const int DefaultPermutations = 999;
    public const ulong DefaultSeed = 20250101;

    public static double[] GiStar(
        IReadOnlyList<double> x, int[][] neighbours, int permutations = DefaultPermutations, ulong seed = DefaultSeed) =>
        PseudoP(x, neighbours, permutations, seed);

    public static double[] LocalMoran(
        IReadOnlyList<double> x, int[][] neighbours, int permutations = DefaultPermutations, ulong seed = DefaultSeed)
    {
        var p = PseudoP(x, neighbours, permutations, seed);
        var mean = x.Average();
        for (var i = 0; i < p.Length; i++)
        {
            // I_i = z_i * lag(z)_i / m2 is identically 0 here whatever the neighbours are.
            if (x[i] - mean == 0 && !double.IsNaN(p[i]))
            {
                p[i] = 1;
            }
        }

        return p;
    }

    private static double[] PseudoP(IReadOnlyList<double> x, int[][] neighbours, int permutations, ulong seed)
    {
        NeighbourList.Validate(x, neighbours);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var n = x.Count;
        var values = x as double[] ?? [.. x];
        var p = new double[n];
        var maxK = neighbours.Max(list => list.Length);

        Parallel.For(
            0,
            n,
            () => (Index: Enumerable.Range(0, n).ToArray(), Swaps: new int[maxK]),
            (i, _, scratch) =>
            {
                p[i] = AreaPseudoP(values, neighbours[i], i, permutations, seed, scratch);
                return scratch;
            },
            _ => { });

        return p;
    }

    private static double AreaPseudoP(double[] x, int[] slots, int i, int permutations, ulong seed, (int[] Index, int[] Swaps) scratch)
    {
        var k = slots.Length;
        if (k == 0)
        {
            return double.NaN;
        }

        double observed = 0;
        foreach (var j in slots)
        {
            observed += x[j];
        }

        // Park area i in the last position so the first n - 1 positions are the candidates.
        var index = scratch.Index;
        var last = index.Length - 1;
        (index[i], index[last]) = (index[last], index[i]);
        var swaps = scratch.Swaps;
        var rng = Xoshiro256StarStar.Create(seed, (ulong)i);
        int atLeast = 0, atMost = 0;
        for (var s = 0; s < permutations; s++)
        {
            double sum = 0;
            for (var t = 0; t < k; t++)
            {
                var pick = t + rng.NextInt(last - t);
                (index[t], index[pick]) = (index[pick], index[t]);
                swaps[t] = pick;
                sum += x[index[t]];
            }

            // Undo the swaps: the array a thread hands to its next area must not carry this area's history.
            for (var t = k - 1; t >= 0; t--)
            {
                (index[t], index[swaps[t]]) = (index[swaps[t]], index[t]);
            }

            if (sum >= observed)
            {
                atLeast++;
            }

            if (sum <= observed)
            {
                atMost++;
            }
        }

        (index[i], index[last]) = (index[last], index[i]);
        return (Math.Min(atLeast, atMost) + 1.0) / (permutations + 1.0);
    }
}
