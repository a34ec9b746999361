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
        // but together they are 4. A listed cell is at least 1, so each lies in [1, 3], narrower than 5.
        var (tables, small, smaller, large) = OneLine(3, 1, 50);
        var mask = new DisclosureMask(tables, 5);

        // Act
        var audit = IntruderAudit.Run(mask);

        // Assert
        Assert.True(mask.IsHidden(small) && mask.IsHidden(smaller) && !mask.IsHidden(large));
        Assert.Equal(2, audit.Findings.Count);
        Assert.All(audit.Findings, f => Assert.Equal(("LP bounds", 1, 3), (f.Attack, Math.Round(f.Lower, 6), Math.Round(f.Upper, 6))));
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

    [Fact]
    public void The_Intruder_Knows_A_Listed_Cell_Is_Not_Zero()
    {
        // Arrange: 57 = 3 + 2 + 52. With cells allowed down to 0 the two hidden ones would each lie in [0, 5], wide
        // enough; but a hidden cell is listed, so it is at least 1, and each lies in [1, 4].
        var (tables, small, smaller, _) = OneLine(3, 2, 52);
        var mask = new DisclosureMask(tables, 5);

        // Act
        var audit = IntruderAudit.Run(mask);

        // Assert
        Assert.Equal([small, smaller], audit.Findings.Select(f => tables.TryFind(f.Cell, out var c) ? c : -1).Order());
        Assert.All(audit.Findings, f => Assert.Equal((1, 4), (Math.Round(f.Lower, 6), Math.Round(f.Upper, 6))));
    }

    [Fact]
    public void A_Partner_That_Cannot_Go_Below_One_Does_Not_Protect_A_Small_Cell_Alone()
    {
        // Arrange: 46 = 1 + 5 + 40, the 1 and the 5 hidden. Letting the 5 go down to 0 would lift the 1 to 6, but the
        // intruder knows the 5 is at least 1: the 1 lies in [1, 5], 4 wide.
        var (tables, small, partner, large) = OneLine(1, 5, 40);
        var mask = new DisclosureMask(tables, 5);
        mask.Hide(partner);

        // Act
        var audit = IntruderAudit.Run(mask);
        var protection = SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30));

        // Assert: the audit finds it, and the protector hides the 40 as well.
        var finding = Assert.Single(audit.Findings);
        Assert.Equal((small, 1.0, 5.0), (tables.TryFind(finding.Cell, out var c) ? c : -1, Math.Round(finding.Lower, 6), Math.Round(finding.Upper, 6)));
        Assert.True(protection.Mask.IsHidden(large));
        Assert.True(IntruderAudit.Run(protection.Mask).Passed);
    }

    [Fact]
    public void Two_Hidden_Small_Cells_With_Room_Between_Them_Protect_Each_Other()
    {
        // Arrange: 57 = 3 + 4 + 50. Each hidden cell can go down to 1 while the other goes up: 3 lies in [1, 6] and 4
        // in [1, 6], both 5 wide, with nothing else hidden. (A rule that asked each to go up by 5 would hide the 50.)
        var (tables, _, _, large) = OneLine(3, 4, 50);

        // Act
        var protection = SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30));
        var audit = IntruderAudit.Run(protection.Mask);

        // Assert
        Assert.False(protection.Mask.IsHidden(large));
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
