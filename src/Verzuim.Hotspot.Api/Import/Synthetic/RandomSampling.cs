namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// Samplers on <see cref="Xoshiro256StarStar"/>, written out here so every draw is reproducible from the seed:
/// normal (Marsaglia polar), gamma (Marsaglia-Tsang), Poisson (inversion below mean 10, else Hörmann's PTRS),
/// binomial (inversion below mean 10, else Hörmann's BTRS), negative binomial (Poisson-gamma mixture) and
/// multinomial (sequential conditional binomials).
/// </summary>
internal static class RandomSampling
{
    private const int LogFactorialTableSize = 256;
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double[] LogFactorialTable = BuildLogFactorialTable();

    /// <summary>Standard normal variate (polar method; the second variate of each pair is discarded).</summary>
    public static double NextNormal(this Xoshiro256StarStar rng)
    {
        while (true)
        {
            var u = (2 * rng.NextDouble()) - 1;
            var v = (2 * rng.NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s > 0 && s < 1)
            {
                return u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
    }

    /// <summary>exp(N(mu, sigma²)).</summary>
    public static double NextLogNormal(this Xoshiro256StarStar rng, double mu, double sigma) =>
        sigma == 0 ? Math.Exp(mu) : Math.Exp(mu + (sigma * rng.NextNormal()));

    /// <summary>Gamma(shape, scale 1), Marsaglia and Tsang (2000); shape below 1 by the U^(1/shape) boost.</summary>
    public static double NextGamma(this Xoshiro256StarStar rng, double shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1)
        {
            var boost = Math.Pow(rng.NextOpenDouble(), 1 / shape);
            return rng.NextGamma(shape + 1) * boost;
        }
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = rng.NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = rng.NextOpenDouble();
            var x2 = x * x;
            if (u < 1 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    public static long NextPoisson(this Xoshiro256StarStar rng, double mean)
    {
        if (!(mean > 0))
        {
            return 0;
        }
        return mean < 10 ? PoissonInversion(rng, mean) : PoissonPtrs(rng, mean);
    }

    /// <summary>
    /// Negative binomial with the given mean and shape (size) r: Poisson(λ) with λ ~ Gamma(r, mean / r), so
    /// variance = mean + mean² / r. A shape of 0 or less means no extra variation: plain Poisson.
    /// </summary>
    public static long NextNegativeBinomial(this Xoshiro256StarStar rng, double mean, double shape)
    {
        if (!(mean > 0))
        {
            return 0;
        }
        if (!(shape > 0) || double.IsPositiveInfinity(shape))
        {
            return rng.NextPoisson(mean);
        }
        var lambda = rng.NextGamma(shape) * (mean / shape);
        return rng.NextPoisson(lambda);
    }

    public static long NextBinomial(this Xoshiro256StarStar rng, long n, double p)
    {
        if (n <= 0 || !(p > 0))
        {
            return 0;
        }
        if (p >= 1)
        {
            return n;
        }
        if (p > 0.5)
        {
            return n - rng.NextBinomial(n, 1 - p);
        }
        return n * p < 10 ? BinomialInversion(rng, n, p) : BinomialBtrs(rng, n, p);
    }

    /// <summary>
    /// Multinomial draw of <paramref name="n"/> over categories with non-negative <paramref name="weights"/>
    /// (need not sum to 1), written into <paramref name="counts"/>. Categories are visited in the given order,
    /// each taking Binomial(remaining, weight / remaining weight); the remaining weights are suffix sums, so
    /// rounding does not accumulate, and the last category with weight takes what is left.
    /// </summary>
    public static void NextMultinomial(this Xoshiro256StarStar rng, long n, ReadOnlySpan<double> weights, Span<long> counts, Span<double> scratch)
    {
        if (counts.Length < weights.Length || scratch.Length < weights.Length)
        {
            throw new ArgumentException("counts and scratch must be at least as long as weights.");
        }
        counts[..weights.Length].Clear();
        if (n <= 0 || weights.IsEmpty)
        {
            return;
        }
        var suffix = scratch[..weights.Length];
        var sum = 0.0;
        var last = -1;
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            var w = weights[i];
            if (w < 0 || double.IsNaN(w) || double.IsInfinity(w))
            {
                throw new ArgumentException($"Weight {i} is {w}; weights must be finite and >= 0.", nameof(weights));
            }
            if (w > 0 && last < 0)
            {
                last = i;
            }
            sum += w;
            suffix[i] = sum;
        }
        if (last < 0)
        {
            throw new ArgumentException("All weights are zero.", nameof(weights));
        }
        var remaining = n;
        for (var i = 0; i < last && remaining > 0; i++)
        {
            if (weights[i] > 0)
            {
                var x = rng.NextBinomial(remaining, Math.Min(1, weights[i] / suffix[i]));
                counts[i] = x;
                remaining -= x;
            }
        }
        counts[last] += remaining;
    }

    /// <summary>ln(k!), exact table below 256 and Stirling's series above.</summary>
    public static double LogFactorial(long k)
    {
        if (k < LogFactorialTableSize)
        {
            return LogFactorialTable[k];
        }
        var x = (double)(k + 1);
        var x2 = x * x;
        return ((x - 0.5) * Math.Log(x)) - x + HalfLog2Pi + ((1 / (12 * x)) - (1 / (360 * x * x2)) + (1 / (1260 * x * x2 * x2)));
    }

    private static double[] BuildLogFactorialTable()
    {
        var table = new double[LogFactorialTableSize];
        for (var i = 2; i < table.Length; i++)
        {
            table[i] = table[i - 1] + Math.Log(i);
        }
        return table;
    }

    private static long PoissonInversion(Xoshiro256StarStar rng, double mean)
    {
        while (true)
        {
            var u = rng.NextDouble();
            var p = Math.Exp(-mean);
            long k = 0;
            while (u > p)
            {
                u -= p;
                k++;
                p *= mean / k;
                if (p <= 0 || k > 1000)
                {
                    break;
                }
            }
            if (u <= p)
            {
                return k;
            }
        }
    }

    /// <summary>Hörmann (1993), "The transformed rejection method for generating Poisson random variables", PTRS.</summary>
    private static long PoissonPtrs(Xoshiro256StarStar rng, double mean)
    {
        var logMean = Math.Log(mean);
        var b = 0.931 + (2.53 * Math.Sqrt(mean));
        var a = -0.059 + (0.02483 * b);
        var invAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = rng.NextDouble() - 0.5;
            var v = rng.NextDouble();
            var us = 0.5 - Math.Abs(u);
            if (us <= 0)
            {
                continue;
            }
            var k = (long)Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }
            if (Math.Log(v) + Math.Log(invAlpha) - Math.Log((a / (us * us)) + b) <= -mean + (k * logMean) - LogFactorial(k))
            {
                return k;
            }
        }
    }

    private static long BinomialInversion(Xoshiro256StarStar rng, long n, double p)
    {
        var q = 1 - p;
        var ratio = p / q;
        var p0 = Math.Exp(n * Math.Log(q));
        var bound = Math.Min(n, 110 + (long)(20 * n * p));
        while (true)
        {
            var u = rng.NextDouble();
            var f = p0;
            long k = 0;
            while (u > f && k < bound)
            {
                u -= f;
                k++;
                f *= ratio * (n - k + 1) / k;
            }
            if (u <= f)
            {
                return k;
            }
        }
    }

    /// <summary>Hörmann (1993), "The generation of binomial random variates", BTRS; needs p ≤ 0.5 and n·p ≥ 10.</summary>
    private static long BinomialBtrs(Xoshiro256StarStar rng, long n, double p)
    {
        var q = 1 - p;
        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 / b);
        var alpha = (2.83 + (5.1 / b)) * spq;
        var logPq = Math.Log(p / q);
        var m = (long)Math.Floor((n + 1) * p);
        var h = LogFactorial(m) + LogFactorial(n - m);
        while (true)
        {
            var u = rng.NextDouble() - 0.5;
            var v = rng.NextDouble();
            var us = 0.5 - Math.Abs(u);
            if (us <= 0)
            {
                continue;
            }
            var k = (long)Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n)
            {
                continue;
            }
            if (us >= 0.07 && v <= vr)
            {
                return k;
            }
            if (v == 0)
            {
                continue;
            }
            var lhs = Math.Log(v * alpha / ((a / (us * us)) + b));
            if (lhs <= h - LogFactorial(k) - LogFactorial(n - k) + ((k - m) * logPq))
            {
                return k;
            }
        }
    }
}
