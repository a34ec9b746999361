using Verzuim.Hotspot.Api.Disclosure;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Tests.Disclosure;

public sealed class SecondarySuppressionTests
{
    [Fact]
    public void Optimal_Suppression_Of_The_Linked_Tables_Passes_The_Audit()
    {
        // Arrange
        var tables = HandMadeCounts.Tables();

        // Act
        var result = SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30));
        var audit = IntruderAudit.Run(result.Mask);

        // Assert: the small cell and its band partner "all" (8 = 3 + 5 would give it away) are protected; nothing fell back.
        Assert.True(audit.Passed, string.Join("; ", audit.Findings));
        Assert.Equal(0, result.Fallbacks);
        Assert.True(result.Mask.IsHidden(new CellKey(T.CampusFlows, "under18", "R1", "A01")));
        Assert.True(result.Mask.IsHidden(new CellKey(T.CampusFlows, "all", "R1", "A01")) || result.Mask.IsHidden(new CellKey(T.CampusFlows, "18plus", "R1", "A01")));
    }

    [Fact]
    public void Optimal_Suppression_Hides_Fewer_Students_Than_The_Fallback()
    {
        var tables = HandMadeCounts.Tables();

        var optimal = SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30));
        var fallback = SecondarySuppression.Protect(tables, 5, TimeSpan.Zero);

        // With no time left every small count takes every cell of one underlying count with it: safe, and costly.
        Assert.Equal(fallback.Targets, fallback.Fallbacks);
        Assert.True(IntruderAudit.Run(fallback.Mask).Passed);
        Assert.True(Hidden(optimal.Mask) < Hidden(fallback.Mask), $"optimal {Hidden(optimal.Mask)}, fallback {Hidden(fallback.Mask)}");
    }

    [Fact]
    public void Nothing_Is_Hidden_When_No_Count_Is_Small()
    {
        var tables = LinkedTablesBuilder.Build(HandMadeCounts.Rows().Select(r => r with { Students = r.Students + 10 }));

        var result = SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30));

        Assert.Empty(result.Mask.Hidden);
    }

    [Fact]
    public void A_Cell_Whose_Only_Small_Count_Is_Its_Reports_Keeps_Its_Students_Shown()
    {
        // Arrange: every student count is large; campus A01 has 3 absence reports of under-18s from region R1.
        var tables = LinkedTablesBuilder.Build(HandMadeCounts.Rows().Select(r => r.Region == "R1" && r.Campus == "A01"
            ? r with { Students = 30, Reports = r.Pc4 == "1001" && r.Band == "under18" ? 3 : 0 }
            : r));
        var small = new CellKey(T.CampusFlows, "under18", "R1", "A01");

        // Act
        var result = SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30));

        // Assert: the reports are protected in their own system; no student count is hidden for them.
        Assert.True(result.Mask.IsHidden(small, Measure.Reports));
        Assert.False(result.Mask.IsHidden(small, Measure.Students));
        Assert.Empty(result.Mask.Hidden);
        Assert.True(IntruderAudit.Run(result.Mask).Passed);
    }

    private static long Hidden(DisclosureMask mask) => mask.Hidden.Sum(mask.Tables.Students);
}
