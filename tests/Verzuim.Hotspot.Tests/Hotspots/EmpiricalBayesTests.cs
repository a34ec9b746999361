using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class EmpiricalBayesTests
{
    [Fact]
    public void EB_Estimates_Match_Spdep_EBest()
    {
        var table = SpdepFixture.Table("ebest.csv");
        var meta = SpdepFixture.Meta();

        var result = EmpiricalBayes.Estimate(SpdepFixture.Column(table, "events"), SpdepFixture.Column(table, "population"));

        SpdepFixture.AssertAllClose(SpdepFixture.Column(table, "raw"), result.Raw, "raw");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(table, "estmm"), result.Smoothed, "estmm");
        SpdepFixture.AssertClose(SpdepFixture.Number(meta["ebest_a"]), result.A, "a");
        SpdepFixture.AssertClose(SpdepFixture.Number(meta["ebest_b"]), result.B, "b");
    }

    [Fact]
    public void Small_Populations_Are_Pulled_Further_Towards_The_Overall_Rate()
    {
        double[] events = [0, 30, 3, 300, 100, 50];
        double[] population = [10, 100, 10, 1000, 1000, 1000];

        var result = EmpiricalBayes.Estimate(events, population);

        // Same raw rate 0.3, but the area with 10 people moves more than the one with 1000.
        Assert.True(Math.Abs(result.Smoothed[2] - 0.3) > Math.Abs(result.Smoothed[3] - 0.3));
        Assert.True(result.Smoothed[0] > 0);
    }
}
