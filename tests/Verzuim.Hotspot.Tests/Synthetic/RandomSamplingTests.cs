using Verzuim.Hotspot.Api.Import.Synthetic;
using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Tests.Synthetic;

public sealed class RandomSamplingTests
{
    private const int Draws = 40_000;

    [Fact]
    public void The_generator_repeats_its_sequence_for_the_same_seed_and_key()
    {
        var a = Xoshiro256StarStar.ForStream(42, "pc4|2023-2024|1011");
        var b = Xoshiro256StarStar.ForStream(42, "pc4|2023-2024|1011");
        var c = Xoshiro256StarStar.ForStream(42, "pc4|2023-2024|1012");

        var first = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToList();
        Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => c.NextUInt64()));
    }

    [Theory]
    [InlineData(20, 0.3)]
    [InlineData(1000, 0.3)]
    [InlineData(1000, 0.8)]
    [InlineData(500_000, 0.00001)]
    [InlineData(500_000, 0.001)]
    public void Binomial_draws_have_the_binomial_mean_and_variance(long n, double p)
    {
        var rng = new Xoshiro256StarStar(7);
        var (mean, variance) = Moments(() => rng.NextBinomial(n, p));

        AssertMoments(mean, variance, n * p, n * p * (1 - p));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => rng.NextBinomial(n, p)), x => Assert.InRange(x, 0, n));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3.5)]
    [InlineData(60)]
    public void Poisson_draws_have_equal_mean_and_variance(double lambda)
    {
        var rng = new Xoshiro256StarStar(11);
        var (mean, variance) = Moments(() => rng.NextPoisson(lambda));

        AssertMoments(mean, variance, lambda, lambda);
    }

    [Theory]
    [InlineData(0.4, 0.3)]
    [InlineData(5, 2)]
    [InlineData(40, 12)]
    public void Negative_binomial_draws_are_overdispersed_as_mean_plus_mean_squared_over_shape(double mean, double shape)
    {
        var rng = new Xoshiro256StarStar(13);
        var (m, v) = Moments(() => rng.NextNegativeBinomial(mean, shape));

        AssertMoments(m, v, mean, mean + (mean * mean / shape));
    }

    [Fact]
    public void Multinomial_draws_keep_the_total_and_follow_the_weights()
    {
        var rng = new Xoshiro256StarStar(17);
        double[] weights = [1, 0, 3, 6];
        var counts = new long[4];
        var sums = new double[4];
        var scratch = new double[4];
        for (var i = 0; i < 2000; i++)
        {
            rng.NextMultinomial(100, weights, counts, scratch);
            Assert.Equal(100, counts.Sum());
            Assert.Equal(0, counts[1]);
            for (var k = 0; k < 4; k++)
            {
                sums[k] += counts[k];
            }
        }
        Assert.InRange(sums[0] / 200_000, 0.09, 0.11);
        Assert.InRange(sums[2] / 200_000, 0.28, 0.32);
        Assert.InRange(sums[3] / 200_000, 0.58, 0.62);
    }

    [Fact]
    public void Log_factorial_is_continuous_where_the_table_meets_stirling()
    {
        Assert.Equal(RandomSampling.LogFactorial(255) + Math.Log(256), RandomSampling.LogFactorial(256), 9);
        Assert.Equal(0, RandomSampling.LogFactorial(0));
        Assert.Equal(Math.Log(120), RandomSampling.LogFactorial(5), 12);
    }

    private static (double Mean, double Variance) Moments(Func<long> draw)
    {
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < Draws; i++)
        {
            double x = draw();
            sum += x;
            sumSquares += x * x;
        }
        var mean = sum / Draws;
        return (mean, (sumSquares / Draws) - (mean * mean));
    }

    private static void AssertMoments(double mean, double variance, double expectedMean, double expectedVariance)
    {
        // Five standard errors of the mean, and 10 % on the variance: loose enough for any seed, tight enough to catch a wrong sampler.
        var meanTolerance = (5 * Math.Sqrt(expectedVariance / Draws)) + 1e-9;
        Assert.InRange(mean, expectedMean - meanTolerance, expectedMean + meanTolerance);
        Assert.InRange(variance, expectedVariance * 0.9, expectedVariance * 1.1);
    }
}
