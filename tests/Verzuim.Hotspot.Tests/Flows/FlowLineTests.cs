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
    public void Only_Published_Counts_Decide_And_Hidden_Lines_Follow_By_Code()
    {
        // 0.8 of 100 = 80: the shown R1 (50) + R3 (65) + R4 (76) do not reach it; hidden R2 and R5 cannot count.
        var (partners, reached) = FlowLine.Partners(Line, 100, 0.8, 0.5, Public());

        Assert.False(reached);
        Assert.Equal(["R1", "R3", "R4", "R2", "R5"], partners.Select(p => p.Part.Id));
        Assert.Equal([1, 2, 3, null, (int?)null], partners.Select(p => p.Rank));
        Assert.Equal([0.5, 0.65, 0.76, null, (double?)null], partners.Select(p => p.CumulativeShare));
        Assert.Equal([FlowLine.ByCoverage, FlowLine.ByCoverage, FlowLine.ByCoverage, FlowLine.Suppressed, FlowLine.Suppressed],
            partners.Select(p => p.Reason));
    }

    [Fact]
    public void No_Coverage_Or_MinShare_Tells_A_Hidden_Count()
    {
        // An intruder moves coverage and minShare in small steps and watches the list: if the hidden R2 (20) ever
        // appeared, vanished or moved because of its count, its count would come back. The same line with R2 at 30
        // must give the same answers.
        var other = Line.Select(p => p.Id == "R2" ? p with { Students = 30 } : p).ToArray();
        for (var step = 0; step <= 100; step++)
        {
            var (coverage, minShare) = (step / 100.0, (100 - step) / 200.0);
            var (a, reachedA) = FlowLine.Partners(Line, 100, coverage, minShare, Public());
            var (b, reachedB) = FlowLine.Partners(other, 100, coverage, minShare, Public());

            Assert.Equal(reachedA, reachedB);
            Assert.Equal(a.Select(p => (p.Part.Id, p.Rank, p.Reason)), b.Select(p => (p.Part.Id, p.Rank, p.Reason)));
        }
    }

    [Fact]
    public void A_Hidden_Total_Is_Replaced_By_The_Shown_Lines()
    {
        // Total hidden: 0.8 of the shown 76 = 60.8 is reached by R1 and R3.
        var (partners, reached) = FlowLine.Partners(Line, null, 0.8, 0.5, Public());

        Assert.True(reached);
        Assert.Equal(["R1", "R3"], partners.Where(p => p.Rank is not null).Select(p => p.Part.Id));
        Assert.All(partners, p => Assert.Null(p.CumulativeShare));
    }

    [Fact]
    public void Unrestricted_Access_Lets_Small_Regions_Count_Towards_Coverage()
    {
        // An admin sees every count: nothing is hidden from it.
        var policy = new DisclosurePolicy(Options.Create(new DisclosureOptions())) { Role = AccessRole.Admin };
        var seen = Line.Select(p => p with { Hidden = false, ReportsHidden = false }).ToArray();

        var (partners, reached) = FlowLine.Partners(seen, 100, 1.0, 0.0, policy);

        Assert.True(reached);
        Assert.Contains(partners, p => p.Part.Id == "R5" && p.Rank is not null);
    }

    [Fact]
    public void MinShare_Adds_Regions_Beyond_Coverage()
    {
        // 0.5 -> R1 alone; minShare 0.12 adds R3 (0.15) but not R4 (0.11); R2 is hidden, so it is listed as such.
        var (partners, _) = FlowLine.Partners(Line, 100, 0.5, 0.12, Public());

        Assert.Equal([FlowLine.ByCoverage, FlowLine.ByMinShare, FlowLine.Suppressed, FlowLine.Suppressed], partners.Select(p => p.Reason));
        Assert.Equal(["R1", "R3", "R2", "R5"], partners.Select(p => p.Part.Id));
    }
}
