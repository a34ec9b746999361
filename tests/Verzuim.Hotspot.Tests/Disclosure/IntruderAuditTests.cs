using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Disclosure;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Tests.Disclosure;

public sealed class IntruderAuditTests
{
    private static readonly DisclosurePolicy Public = new(Options.Create(new DisclosureOptions()));

    [Fact]
    public void The_Audit_Catches_The_Old_Line_Heuristic_On_Linked_Tables()
    {
        // Arrange: the old heuristic protects each band's table on its own.
        var tables = HandMadeCounts.Tables();
        var mask = LineHeuristic.Apply(tables, Public);

        // Act
        var audit = IntruderAudit.Run(mask);

        // Assert: under18 is hidden, but all = 8 and 18plus = 5 are shown, so it is 3 exactly.
        Assert.True(mask.IsHidden(new CellKey(T.CampusFlows, "under18", "R1", "A01")));
        Assert.False(mask.IsHidden(new CellKey(T.CampusFlows, "all", "R1", "A01")));
        var finding = Assert.Single(audit.Findings, f => f.Cell == new CellKey(T.CampusFlows, "under18", "R1", "A01") && f.Measure == Measure.Students);
        Assert.Equal((3, 3), (finding.Lower, finding.Upper));
        Assert.StartsWith("differencing", finding.Attack, StringComparison.Ordinal);
    }

    [Fact]
    public void Linear_Programming_Pins_What_Differencing_Misses()
    {
        // Arrange: total 54 = 3 + 1 + 50. The two small cells are hidden, so no equation has a single hidden cell,
        // but together they are 4: each lies in [0, 4], narrower than 5.
        var (tables, small, smaller, large) = OneLine(3, 1, 50);
        var mask = new DisclosureMask(tables, 5);

        // Act
        var audit = IntruderAudit.Run(mask);

        // Assert
        Assert.True(mask.IsHidden(small) && mask.IsHidden(smaller) && !mask.IsHidden(large));
        Assert.Equal(2, audit.Findings.Count);
        Assert.All(audit.Findings, f => Assert.Equal(("LP bounds", 0, 4), (f.Attack, Math.Round(f.Lower, 6), Math.Round(f.Upper, 6))));
    }

    [Fact]
    public void A_Hidden_Partner_With_Room_Protects_Both_Small_Cells()
    {
        var (tables, _, _, large) = OneLine(3, 1, 50);
        var mask = new DisclosureMask(tables, 5);
        mask.Hide(large);

        var audit = IntruderAudit.Run(mask);

        Assert.True(audit.Passed, string.Join("; ", audit.Findings));
        Assert.Equal(2, audit.Checked);
    }

    /// <summary>One table with one line: total = a + b + c.</summary>
    private static (LinkedTables, int, int, int) OneLine(long a, long b, long c)
    {
        var tables = new LinkedTables();
        var parts = new[] { a, b, c }.Select((v, i) => tables.Add(new CellKey(T.Campus, "all", "", $"C{i}"), v, 0)).ToArray();
        var total = tables.Add(new CellKey(T.National, "all", "", ""), a + b + c, 0);
        tables.AddEquation(total, parts);
        return (tables, parts[0], parts[1], parts[2]);
    }
}
