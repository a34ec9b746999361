namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Local Moran's I (Anselin 1995) with row-standardised weights, equal to spdep 1.2's
/// <c>localmoran(x, nb2listw(nb, style = "W", zero.policy = TRUE))</c> with its defaults
/// (conditional = TRUE, mlvar = TRUE): the variance is the one conditional on z_i
/// (Sokal, Oden &amp; Thomson 1998) that spdep uses since 1.2.
/// </summary>
internal static class LocalMoran
{
    public static IReadOnlyList<LocalMoranArea> Compute(IReadOnlyList<double> x, int[][] neighbours)
    {
        NeighbourList.Validate(x, neighbours);
        var n = x.Count;
        var mean = x.Average();
        var z = new double[n];
        double m2 = 0;
        for (var i = 0; i < n; i++)
        {
            z[i] = x[i] - mean;
            m2 += z[i] * z[i];
        }

        m2 /= n;

        // Row-standardised lags; isolates get lag 0, which (as in spdep) also enters mean(lag).
        var lagX = new double[n];
        var lagZ = new double[n];
        for (var i = 0; i < n; i++)
        {
            var k = neighbours[i].Length;
            if (k == 0)
            {
                continue;
            }

            double sum = 0;
            foreach (var j in neighbours[i])
            {
                sum += x[j];
            }

            lagX[i] = sum / k;
            lagZ[i] = (sum - (k * mean)) / k;
        }

        var meanLagX = lagX.Average();
        var result = new LocalMoranArea[n];
        for (var i = 0; i < n; i++)
        {
            var k = neighbours[i].Length;

            // Row-standardised: W_i = 1 and sum of squared weights = 1/k (both 0 for isolates).
            double wi = k > 0 ? 1 : 0;
            var wi2 = k > 0 ? 1.0 / k : 0;
            var zi2 = z[i] * z[i];
            var ii = z[i] / m2 * lagZ[i];
            var expected = -(zi2 * wi) / ((n - 1) * m2);
            var variance = (z[i] / m2) * (z[i] / m2) * (n / (n - 2.0)) * (wi2 - (wi * wi / (n - 1))) * (m2 - (zi2 / (n - 1)));
            var zScore = (ii - expected) / Math.Sqrt(variance);
            var quadrant = (x[i] <= mean, lagX[i] <= meanLagX) switch
            {
                (false, false) => LisaQuadrant.HighHigh,
                (true, true) => LisaQuadrant.LowLow,
                (false, true) => LisaQuadrant.HighLow,
                (true, false) => LisaQuadrant.LowHigh,
            };
            result[i] = new LocalMoranArea(ii, expected, variance, zScore, NormalDistribution.TwoSidedP(zScore), quadrant, k > 0);
        }

        return result;
    }

    /// <summary>Cluster class for a chosen p (analytic, pseudo or BH-adjusted): significant when p &lt; alpha.</summary>
    public static LisaClass Classify(LocalMoranArea area, double p, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (!area.HasNeighbours)
        {
            return LisaClass.NoNeighbours;
        }

        if (!(p < alpha))
        {
            return LisaClass.NotSignificant;
        }

        return area.Quadrant switch
        {
            LisaQuadrant.HighHigh => LisaClass.HighHigh,
            LisaQuadrant.LowLow => LisaClass.LowLow,
            LisaQuadrant.HighLow => LisaClass.HighLow,
            _ => LisaClass.LowHigh,
        };
    }
}
