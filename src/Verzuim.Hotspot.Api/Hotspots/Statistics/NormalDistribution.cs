namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// Standard normal tail probabilities. Port of Cody's (1969) rational approximation as used by
/// R's <c>pnorm</c> (nmath/pnorm.c), so p-values agree with spdep to machine precision, including
/// far in the tails where <c>1 - Cdf(z)</c> would cancel to zero.
/// </summary>
internal static class NormalDistribution
{
    private static readonly double[] A =
        [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];

    private static readonly double[] B =
        [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];

    private static readonly double[] C =
    [
        0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
        2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
        1.0765576773720192317e-8,
    ];

    private static readonly double[] D =
    [
        22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
        18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
    ];

    private static readonly double[] P =
        [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];

    private static readonly double[] Q =
        [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

    private const double SqrtThirtyTwo = 5.656854249492380195206754896838;
    private const double HalfMachineEpsilon = 1.1102230246251565e-16;
    private const double OneOverSqrtTwoPi = 0.398942280401432677939946059934;

    /// <summary>P(Z &lt;= x).</summary>
    public static double Cdf(double x) => Both(x).Lower;

    /// <summary>P(Z &gt; x), accurate where it is tiny.</summary>
    public static double UpperTail(double x) => Both(x).Upper;

    /// <summary>2 P(Z &gt; |z|), as spdep's <c>alternative = "two.sided"</c>.</summary>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : 2 * UpperTail(Math.Abs(z));

    private static (double Lower, double Upper) Both(double x)
    {
        if (double.IsNaN(x))
        {
            return (double.NaN, double.NaN);
        }

        var y = Math.Abs(x);
        double lower, upper;
        if (y <= 0.67448975)
        {
            double xnum = 0, xden = 0;
            if (y > HalfMachineEpsilon)
            {
                var xsq = x * x;
                xnum = A[4] * xsq;
                xden = xsq;
                for (var i = 0; i < 3; i++)
                {
                    xnum = (xnum + A[i]) * xsq;
                    xden = (xden + B[i]) * xsq;
                }
            }

            var temp = x * (xnum + A[3]) / (xden + B[3]);
            return (0.5 + temp, 0.5 - temp);
        }

        if (y <= SqrtThirtyTwo)
        {
            var xnum = C[8] * y;
            var xden = y;
            for (var i = 0; i < 7; i++)
            {
                xnum = (xnum + C[i]) * y;
                xden = (xden + D[i]) * y;
            }

            lower = TailFromRatio(y, (xnum + C[7]) / (xden + D[7]));
        }
        else if (y < 37.5193)
        {
            var xsq = 1.0 / (x * x);
            var xnum = P[5] * xsq;
            var xden = xsq;
            for (var i = 0; i < 4; i++)
            {
                xnum = (xnum + P[i]) * xsq;
                xden = (xden + Q[i]) * xsq;
            }

            var temp = xsq * (xnum + P[4]) / (xden + Q[4]);
            lower = TailFromRatio(y, (OneOverSqrtTwoPi - temp) / y);
        }
        else
        {
            lower = 0;
        }

        // "lower" so far is the tail beyond |x|; swap for positive x.
        upper = 1.0 - lower;
        return x > 0 ? (upper, lower) : (lower, upper);
    }

    // Splitting x^2 into an exactly representable part keeps exp(-x^2/2) accurate (Cody's trick).
    private static double TailFromRatio(double y, double ratio)
    {
        var xsq = Math.Truncate(y * 16) / 16;
        var del = (y - xsq) * (y + xsq);
        return Math.Exp(-xsq * xsq * 0.5) * Math.Exp(-del * 0.5) * ratio;
    }
}
