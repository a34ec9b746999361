using Verzuim.Hotspot.Api.Disclosure;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Tests.Disclosure;

public sealed class LinkedTablesTests
{
    [Fact]
    public void Every_Published_Table_Is_Named_In_Every_Band_And_Every_Equation_Adds_Up()
    {
        var tables = HandMadeCounts.Tables();

        Assert.Null(tables.FirstInconsistent());
        foreach (var table in T.All)
        {
            foreach (var band in T.Bands)
            {
                Assert.Contains(tables.Keys, k => k.Table == table && k.Band == band);
            }
        }
    }

    [Fact]
    public void The_Links_Are_The_Ones_An_Intruder_Would_Use()
    {
        var tables = HandMadeCounts.Tables();

        // all = under18 + 18plus, for the cell: 8 = 3 + 5.
        Assert.Equal(8, Students(tables, new CellKey(T.CampusFlows, "all", "R1", "A01")));
        Assert.True(HasEquation(tables, new CellKey(T.CampusFlows, "all", "R1", "A01"),
            new CellKey(T.CampusFlows, "under18", "R1", "A01"), new CellKey(T.CampusFlows, "18plus", "R1", "A01")));
        // An institution cell is the sum of its campus cells; a region the sum of its municipalities; a municipality of its PC4s.
        Assert.True(HasEquation(tables, new CellKey(T.InstitutionFlows, "all", "R1", "AAAA"),
            new CellKey(T.CampusFlows, "all", "R1", "A01"), new CellKey(T.CampusFlows, "all", "R1", "A02")));
        Assert.True(HasEquation(tables, new CellKey(T.Region, "under18", "R2", ""), new CellKey(T.Municipality, "under18", "GM0002", "")));
        Assert.True(HasEquation(tables, new CellKey(T.Municipality, "18plus", "GM0003", ""),
            new CellKey(T.Pc4, "18plus", "3001", ""), new CellKey(T.Pc4, "18plus", "3002", "")));
        Assert.True(HasEquation(tables, new CellKey(T.National, "all", "", ""),
            new CellKey(T.Institution, "all", "", "AAAA"), new CellKey(T.Institution, "all", "", "BBBB")));
    }

    [Fact]
    public void Zero_Cells_Are_Published_Zeros_Not_Unknowns()
    {
        var tables = HandMadeCounts.Tables();

        // PC4 1002 sends no one to A01: the flows cell R1/A01 comes from 1001 alone, and there is no 1002/A01 anywhere.
        Assert.Equal(3, Students(tables, new CellKey(T.CampusFlows, "under18", "R1", "A01")));
        Assert.All(Enumerable.Range(0, tables.Count), c => Assert.True(tables.Students(c) > 0 || tables.Reports(c) > 0));
        Assert.False(tables.TryFind(new CellKey(T.Pc4, "under18", "9999", ""), out _));
    }

    private static long Students(LinkedTables tables, CellKey key) => tables.TryFind(key, out var cell) ? tables.Students(cell) : -1;

    private static bool HasEquation(LinkedTables tables, CellKey total, params CellKey[] parts) =>
        tables.Equations.Any(e => tables.Keys[e.Total] == total && e.Parts.Select(p => tables.Keys[p]).ToHashSet().SetEquals(parts));
}
