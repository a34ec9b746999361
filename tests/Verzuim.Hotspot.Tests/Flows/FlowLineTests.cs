using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Flows;

namespace Verzuim.Hotspot.Tests.Flows;

public sealed class FlowLineTests
{
    private static DisclosurePolicy Public() => new(Options.Create(new DisclosureOptions()));

    // A line of 100 students: R1 50, R2 hidden 20 (e.g. secondary suppression), R3 15, R4 11, R5 small 4.
    private static readonly FlowPart[] Line =
    [
        new(0, "R1", 50, 10, false),
        new(1, "R2", 20, 5, true),
        new(2, "R3", 15, 5, false),
        new(3, "R4", 11, 0, false),
        new(4, "R5", 4, 0, true),
    ];

    [Fact]
    public void Partners_Put_Hidden_Ones_After_The_Shown_And_Sum_Cumulative_Shares_Over_Shown_Only()
    {
        // 0.8 of 100 = 80: R1 (50) + R2 (70) + R3 (85).
        var (partners, reached) = FlowLine.Partners(Line, 100, 100, 0.8, 0.5, Public());

        Assert.True(reached);
        Assert.Equal(["R1", "R3", "R2"], partners.Select(p => p.Part.Id));
        Assert.Equal([1, 2, (int?)null], partners.Select(p => p.Rank));
        Assert.Equal([0.5, 0.65, (double?)null], partners.Select(p => p.CumulativeShare));
    }

    [Fact]
    public void A_Small_Region_Is_Never_A_Partner_So_Full_Coverage_Is_Not_Reached()
    {
        var (partners, reached) = FlowLine.Partners(Line, 100, 100, 1.0, 0.0, Public());

        Assert.False(reached);
        Assert.DoesNotContain(partners, p => p.Part.Id == "R5");
        Assert.Equal(4, partners.Count);
    }

    [Fact]
    public void Unrestricted_Access_Lets_Small_Regions_Count_Towards_Coverage()
    {
        var policy = new DisclosurePolicy(Options.Create(new DisclosureOptions())) { Role = AccessRole.Admin };

        var (partners, reached) = FlowLine.Partners(Line, 100, 100, 1.0, 0.0, policy);

        Assert.True(reached);
        Assert.Contains(partners, p => p.Part.Id == "R5");
    }

    [Fact]
    public void MinShare_Adds_Regions_Beyond_Coverage()
    {
        // 0.5 -> R1 alone; minShare 0.12 adds R2 (0.20) and R3 (0.15) but not R4 (0.11).
        var (partners, _) = FlowLine.Partners(Line, 100, 100, 0.5, 0.12, Public());

        Assert.Equal([(string?)FlowLine.ByCoverage, FlowLine.ByMinShare, FlowLine.ByMinShare], partners.Select(p => p.Reason));
        Assert.Equal(["R1", "R3", "R2"], partners.Select(p => p.Part.Id));
    }
}
