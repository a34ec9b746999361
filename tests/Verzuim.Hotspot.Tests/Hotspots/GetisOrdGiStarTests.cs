using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class GetisOrdGiStarTests
{
    [Fact]
    public void Gi_Star_Matches_Spdep_LocalG_With_Self_On_Queen_Grid()
    {
        var (x, neighbours, areas) = SpdepFixture.Grid();

        var result = GetisOrdGiStar.Compute(x, neighbours);

        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "localG"), [.. result.Select(a => a.Z)], "z");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "G"), [.. result.Select(a => a.G)], "G");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "localG_p"), [.. result.Select(a => a.PTwoSided)], "p two-sided");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "localG_p_greater"), [.. result.Select(a => a.PGreater)], "p greater");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "localG_p_less"), [.. result.Select(a => a.PLess)], "p less");
    }

    [Fact]
    public void Isolated_Area_Is_Kept_And_Flagged_As_Having_No_Neighbours()
    {
        var (x, neighbours, _) = SpdepFixture.Grid();

        var result = GetisOrdGiStar.Compute(x, neighbours);
        var classes = HotspotClassifier.Classify(result, [.. result.Select(a => a.PTwoSided)]);

        Assert.Equal(x.Length, result.Count);
        Assert.Equal([49], Enumerable.Range(0, x.Length).Where(i => !result[i].HasNeighbours));
        Assert.Equal(HotspotClass.NoNeighbours, classes[49]);
        Assert.DoesNotContain(HotspotClass.NoNeighbours, classes.Take(49));
    }

    [Fact]
    public void Planted_High_Cluster_Is_Hot_And_Low_Cluster_Cold_At_99_Percent()
    {
        const int Side = 20;
        var neighbours = TestData.QueenGrid(Side, Side);
        var x = TestData.Normal(Side * Side, seed: 7, mean: 10, sd: 1);
        var hotCentre = (5 * Side) + 5;
        var coldCentre = (14 * Side) + 14;
        foreach (var centre in new[] { hotCentre, coldCentre })
        {
            foreach (var j in neighbours[centre].Append(centre))
            {
                x[j] += centre == hotCentre ? 5 : -5;
            }
        }

        var result = GetisOrdGiStar.Compute(x, neighbours);
        var analytic = HotspotClassifier.Classify(result, BenjaminiHochberg.Adjust([.. result.Select(a => a.PTwoSided)]));
        var permuted = HotspotClassifier.Classify(result, ConditionalPermutation.GiStar(x, neighbours));

        Assert.Equal(HotspotClass.Hot99, analytic[hotCentre]);
        Assert.Equal(HotspotClass.Cold99, analytic[coldCentre]);
        Assert.Equal(HotspotClass.Hot99, permuted[hotCentre]);
        Assert.Equal(HotspotClass.Cold99, permuted[coldCentre]);
        Assert.True(analytic.Count(c => c == HotspotClass.Hot99) < 20, "only the planted block should be a 99% hot spot");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    public void Rejects_Neighbour_Lists_With_Self_Or_Out_Of_Range_Or_Duplicate_Entries(int area, int bad)
    {
        var neighbours = TestData.QueenGrid(2, 2);
        neighbours[area] = [.. neighbours[area], bad == 3 ? 9 : bad];

        Assert.Throws<ArgumentException>(() => GetisOrdGiStar.Compute([1, 2, 3, 4], neighbours));
    }
}
