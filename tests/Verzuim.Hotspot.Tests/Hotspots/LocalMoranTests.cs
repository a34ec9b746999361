using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class LocalMoranTests
{
    [Fact]
    public void Local_Moran_Matches_Spdep_Localmoran_Row_Standardised_Including_Isolate()
    {
        var (x, neighbours, areas) = SpdepFixture.Grid();

        var result = LocalMoran.Compute(x, neighbours);

        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "Ii"), [.. result.Select(a => a.Ii)], "Ii");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "E_Ii"), [.. result.Select(a => a.EIi)], "E.Ii");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "Var_Ii"), [.. result.Select(a => a.VarIi)], "Var.Ii");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "Z_Ii"), [.. result.Select(a => a.ZIi)], "Z.Ii");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(areas, "P_Ii"), [.. result.Select(a => a.P)], "p");
    }

    [Fact]
    public void Quadrants_Match_Spdep_Mean_Quadrant()
    {
        var (x, neighbours, areas) = SpdepFixture.Grid();

        var result = LocalMoran.Compute(x, neighbours);

        Assert.Equal(areas.Select(a => a["quadr_mean"]), result.Select(a => a.Quadrant.ToString()));
    }

    [Fact]
    public void Classes_Are_Quadrant_When_Significant_And_Isolates_Are_Reported()
    {
        var (x, neighbours, _) = SpdepFixture.Grid();
        var result = LocalMoran.Compute(x, neighbours);

        var classes = result.Select(a => LocalMoran.Classify(a, a.P)).ToArray();

        Assert.Equal(LisaClass.NoNeighbours, classes[49]);
        for (var i = 0; i < 49; i++)
        {
            var expected = result[i].P < 0.05 ? result[i].Quadrant.ToString() : nameof(LisaClass.NotSignificant);
            Assert.Equal(expected, classes[i].ToString());
        }

        Assert.Contains(LisaClass.HighHigh, classes);
        Assert.Contains(LisaClass.LowLow, classes);
    }
}
