namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Getis-Ord Gi* with binary weights that include the area itself, equal to spdep's
/// <c>localG(x, nb2listw(include.self(nb), style = "B"))</c> (Ord &amp; Getis 1995).
/// </summary>
internal static class GetisOrdGiStar
{
    public static IReadOnlyList<GiStarArea> Compute(IReadOnlyList<double> x, int[][] neighbours)
    {
        NeighbourList.Validate(x, neighbours);
        var n = x.Count;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += x[i];
        }

        var mean = sum / n;
        double ss = 0;
        for (var i = 0; i < n; i++)
        {
            ss += (x[i] - mean) * (x[i] - mean);
        }

        var s2 = ss / n;
        var result = new GiStarArea[n];
        for (var i = 0; i < n; i++)
        {
            var lag = x[i];
            foreach (var j in neighbours[i])
            {
                lag += x[j];
            }

            // Binary weights with self: W_i = S1_i = k_i + 1.
            double w = neighbours[i].Length + 1;
            var variance = s2 * ((n * w) - (w * w)) / (n - 1);
            var z = (lag - (w * mean)) / Math.Sqrt(variance);
            result[i] = new GiStarArea(
                lag / sum,
                z,
                NormalDistribution.TwoSidedP(z),
                NormalDistribution.UpperTail(z),
                NormalDistribution.Cdf(z),
                neighbours[i].Length > 0);
        }

        return result;
    }
}
