using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class FunnelPlotTests
{
    [Fact]
    public void Overdispersed_Funnel_Matches_Base_R_Reference_Of_Spiegelhalter_2005()
    {
        var table = SpdepFixture.Table("funnel.csv");
        var meta = SpdepFixture.Meta();
        var observed = SpdepFixture.Column(table, "observed");

        var expected = FunnelPlot.ExpectedCounts(observed, SpdepFixture.Column(table, "students"));
        var result = FunnelPlot.Analyse(observed, expected);

        SpdepFixture.AssertAllClose(SpdepFixture.Column(table, "expected"), expected, "E");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(table, "z"), [.. result.Units.Select(u => u.Z)], "z");
        SpdepFixture.AssertAllClose(SpdepFixture.Column(table, "z_adj"), [.. result.Units.Select(u => u.AdjustedZ)], "adjusted z");
        SpdepFixture.AssertClose(SpdepFixture.Number(meta["funnel_phi"]), result.Phi, "phi");
        SpdepFixture.AssertClose(SpdepFixture.Number(meta["funnel_tau2"]), result.Tau2, "tau2");
        Assert.True(result.OverdispersionCorrected);
        Assert.Equal(table.Select(r => r["flag95"]), result.Units.Select(u => u.Flag95.ToString()));
        Assert.Equal(table.Select(r => r["flag998"]), result.Units.Select(u => u.Flag998.ToString()));
    }

    [Fact]
    public void Control_Limit_Quantiles_Match_R_Qnorm()
    {
        var meta = SpdepFixture.Meta();

        SpdepFixture.AssertClose(SpdepFixture.Number(meta["qnorm_975"]), FunnelPlot.Z95, "qnorm(0.975)");
        SpdepFixture.AssertClose(SpdepFixture.Number(meta["qnorm_999"]), FunnelPlot.Z998, "qnorm(0.999)");
    }

    [Fact]
    public void Poisson_Data_Need_No_Overdispersion_Correction_And_A_Far_High_Unit_Is_Flagged_At_99_8()
    {
        var (observed, expected) = PoissonUnits(200, seed: 3);
        observed[0] = expected[0] * 2;

        var result = FunnelPlot.Analyse(observed, expected);

        Assert.False(result.OverdispersionCorrected);
        Assert.True(result.Phi <= 1);
        Assert.Equal(0, result.Tau2);
        Assert.All(result.Units, u => Assert.Equal(u.Z, u.AdjustedZ));
        Assert.Equal(FunnelFlag.High, result.Units[0].Flag998);
        Assert.True(result.Units[0].Ratio > result.Units[0].Upper998);
        Assert.True(result.Units.Count(u => u.Flag998 != FunnelFlag.Normal) <= 3, "Poisson noise rarely crosses 99.8% limits");
    }

    [Fact]
    public void Limits_Follow_The_Unit_Expected_Count_And_Widen_Under_Overdispersion()
    {
        var (observed, expected) = PoissonUnits(200, seed: 4);
        var rng = new Random(9);
        var overdispersed = expected.Select(e => TestData.Poisson(rng, e * Math.Exp(0.3 * TestData.Normal(1, rng.Next())[0]))).ToArray();

        var poisson = FunnelPlot.Analyse(observed, expected);
        var extra = FunnelPlot.Analyse(overdispersed, expected);

        var unit = poisson.Units[7];
        Assert.Equal(1 + (FunnelPlot.Z95 / Math.Sqrt(unit.Expected)), unit.Upper95, 12);
        Assert.Equal(1 - (FunnelPlot.Z998 / Math.Sqrt(unit.Expected)), unit.Lower998, 12);
        Assert.True(extra.OverdispersionCorrected);
        Assert.True(extra.Phi > 1 && extra.Tau2 > 0);
        Assert.True(extra.Units[7].Upper95 > unit.Upper95);
        Assert.True(extra.Units.Count(u => u.Flag95 != FunnelFlag.Normal) < extra.Units.Count(u => Math.Abs(u.Z) > FunnelPlot.Z95));
    }

    [Fact]
    public void Units_Without_Expected_Count_Are_Rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FunnelPlot.Analyse([3, 4], [2, 0]));

    private static (double[] Observed, double[] Expected) PoissonUnits(int count, int seed)
    {
        var rng = new Random(seed);
        var expected = Enumerable.Range(0, count).Select(_ => 20 + (480 * rng.NextDouble())).ToArray();
        var observed = expected.Select(e => TestData.Poisson(rng, e)).ToArray();
        return (observed, expected);
    }
}
