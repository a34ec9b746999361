using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Tests.Hotspots;

public sealed class NormalDistributionTests
{
    [Fact]
    public void Tails_Match_R_Pnorm_Relatively_Even_Far_Out()
    {
        foreach (var row in SpdepFixture.Table("pnorm.csv"))
        {
            var z = SpdepFixture.Number(row["z"]);
            AssertRelative(SpdepFixture.Number(row["lower"]), NormalDistribution.Cdf(z), z);
            AssertRelative(SpdepFixture.Number(row["upper"]), NormalDistribution.UpperTail(z), z);
        }
    }

    private static void AssertRelative(double expected, double actual, double z)
    {
        // Relative, because tail probabilities down to 1e-300 are compared.
        var allowed = SpdepFixture.Tolerance * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= allowed, $"z = {z:R}: expected {expected:R}, got {actual:R}");
    }
}
