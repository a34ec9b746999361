using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void BH_Matches_R_P_Adjust_With_Ties_And_Missing_Values()
    {
        var table = SpdepFixture.Table("padjust.csv");

        var adjusted = BenjaminiHochberg.Adjust(SpdepFixture.Column(table, "p"));

        SpdepFixture.AssertAllClose(SpdepFixture.Column(table, "bh"), adjusted, "BH");
    }

    [Fact]
    public void BH_Never_Lowers_A_P_Value_And_Keeps_Its_Order()
    {
        var p = TestData.Normal(300, seed: 5).Select(NormalDistribution.TwoSidedP).ToArray();

        var adjusted = BenjaminiHochberg.Adjust(p);

        var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
        for (var r = 0; r < order.Length; r++)
        {
            Assert.True(adjusted[order[r]] >= p[order[r]]);
            Assert.True(r == 0 || adjusted[order[r]] >= adjusted[order[r - 1]]);
        }
    }
}
