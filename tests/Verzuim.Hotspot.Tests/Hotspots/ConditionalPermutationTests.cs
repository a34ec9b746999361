using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class ConditionalPermutationTests
{
    [Fact]
    public void Same_Seed_Repeats_Exactly_And_Another_Seed_Differs()
    {
        var neighbours = TestData.Random(500, 6, seed: 1);
        var x = TestData.Normal(500, seed: 2);

        var first = ConditionalPermutation.GiStar(x, neighbours, seed: 42);
        var again = ConditionalPermutation.GiStar(x, neighbours, seed: 42);
        var other = ConditionalPermutation.GiStar(x, neighbours, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(ConditionalPermutation.LocalMoran(x, neighbours, seed: 42), ConditionalPermutation.LocalMoran(x, neighbours, seed: 42));
    }

    [Fact]
    public void Pseudo_P_Lies_On_The_Permutation_Grid_And_Isolates_Get_NaN()
    {
        var (x, neighbours, _) = SpdepFixture.Grid();

        var p = ConditionalPermutation.LocalMoran(x, neighbours, permutations: 99);

        Assert.True(double.IsNaN(p[49]));
        foreach (var value in p.Take(49))
        {
            Assert.InRange(value, 0.01, 0.5 + 1e-12);
            Assert.Equal(Math.Round(value * 100), value * 100, 1e-9);
        }
    }

    [Fact]
    public void Local_Moran_Pseudo_P_Agrees_With_Spdep_Conditional_Variance_P()
    {
        var (x, neighbours, _) = SpdepFixture.Grid();
        var analytic = LocalMoran.Compute(x, neighbours);

        var pseudo = ConditionalPermutation.LocalMoran(x, neighbours, permutations: 9999);

        // spdep's variance is conditional on z_i, like the permutation. Folded pseudo p is
        // one-tailed in the observed direction, so it estimates half the two-sided p.
        for (var i = 0; i < 49; i++)
        {
            Assert.InRange(pseudo[i], (analytic[i].P / 2) - 0.03, (analytic[i].P / 2) + 0.03);
        }
    }

    [Fact]
    public void Pseudo_P_Is_Uniform_Enough_Under_Spatial_Randomness()
    {
        var neighbours = TestData.QueenGrid(40, 40);
        var x = TestData.Normal(1600, seed: 11);

        var p = ConditionalPermutation.GiStar(x, neighbours, permutations: 199);

        // Folded p <= 0.05 happens in either tail: about 10% of areas.
        var share = p.Count(v => v <= 0.05) / (double)p.Length;
        Assert.InRange(share, 0.06, 0.14);
    }

    [Fact]
    public void Area_Bordering_All_Others_Gets_P_One_Because_Only_Other_Areas_Are_Drawn()
    {
        // Complete graph: every draw of k = n - 1 others is the observed neighbour set itself.
        double[] x = [1, 2, 4, 8, 16];
        var neighbours = Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, 5).Where(j => j != i).ToArray()).ToArray();

        Assert.All(ConditionalPermutation.GiStar(x, neighbours, permutations: 99), p => Assert.Equal(1, p));
    }

    [Fact]
    public void Local_Moran_Pseudo_P_Is_One_Where_The_Value_Equals_The_Mean()
    {
        double[] x = [1, 2, 3, 2, 2, 5, 0, 1, 2];
        var neighbours = TestData.QueenGrid(3, 3);

        var p = ConditionalPermutation.LocalMoran(x, neighbours, permutations: 99);

        Assert.Equal(1, p[4]);
        Assert.True(p[5] < 1);
    }
}
