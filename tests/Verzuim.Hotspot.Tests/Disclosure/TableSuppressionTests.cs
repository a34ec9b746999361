using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Disclosure;

namespace Verzuim.Hotspot.Tests.Disclosure;

public sealed class TableSuppressionTests
{
    private static readonly DisclosurePolicy Public = new(Options.Create(new DisclosureOptions()));

    [Fact]
    public void A_Small_Cell_Alone_In_Its_Row_And_Column_Takes_The_Smallest_Neighbours_With_It()
    {
        // rows: regions, columns: institutions. Cell [0,1] = 3 students is small.
        long[,] students = { { 50, 3, 20 }, { 40, 30, 10 }, { 60, 25, 70 } };
        long[,] reports = { { 10, 0, 9 }, { 8, 7, 6 }, { 12, 11, 30 } };

        var mask = TableSuppression.Suppress(students, reports, Public);

        Assert.True(mask.Cell(0, 1));
        // Row 0 would give it away through its total: the smallest other cell of row 0 (20) goes too,
        // and column 1 likewise loses its smallest other cell (25).
        Assert.True(mask.Cell(0, 2));
        Assert.True(mask.Cell(2, 1));
        AssertNoLoneHiddenCell(mask);
        Assert.False(mask.RowTotal(0));
        Assert.False(mask.GrandTotal);
    }

    [Fact]
    public void Small_Absence_Report_Counts_Are_Suppressed_As_Well()
    {
        long[,] students = { { 50, 60 }, { 70, 80 } };
        long[,] reports = { { 2, 10 }, { 10, 10 } };

        var mask = TableSuppression.Suppress(students, reports, Public);

        Assert.True(mask.Cell(0, 0));
        AssertNoLoneHiddenCell(mask);
        // In a 2 x 2 table a lone small cell takes its whole row, column and the opposite cell with it.
        Assert.True(mask.Cell(0, 1) && mask.Cell(1, 0) && mask.Cell(1, 1));
    }

    [Fact]
    public void Zero_Is_Not_A_Small_Count_And_Large_Tables_Stay_Untouched()
    {
        long[,] students = { { 0, 10 }, { 20, 30 } };
        long[,] reports = { { 0, 5 }, { 6, 7 } };

        var mask = TableSuppression.Suppress(students, reports, Public);

        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.False(mask.Cell(i, j));
            }
        }
    }

    [Fact]
    public void A_Small_Total_Is_Hidden_And_So_Are_Its_Parts()
    {
        long[,] students = { { 2, 1 }, { 40, 50 } };
        long[,] reports = { { 0, 0 }, { 10, 10 } };

        var mask = TableSuppression.Suppress(students, reports, Public);

        Assert.True(mask.RowTotal(0));
        Assert.True(mask.Cell(0, 0) && mask.Cell(0, 1));
        AssertNoLoneHiddenCell(mask);
    }

    [Fact]
    public void The_Unrestricted_Mode_Hides_Nothing()
    {
        var unrestricted = new DisclosurePolicy(Options.Create(new DisclosureOptions())) { Role = AccessRole.Admin };

        var mask = TableSuppression.Suppress(new long[,] { { 1, 2 }, { 3, 4 } }, new long[,] { { 1, 1 }, { 1, 1 } }, unrestricted);

        Assert.False(mask.Cell(0, 0) || mask.Cell(1, 1) || mask.GrandTotal);
    }

    [Fact]
    public void The_Threshold_Comes_From_Configuration()
    {
        var strict = new DisclosurePolicy(Options.Create(new DisclosureOptions { MinimumCount = 11 }));

        var mask = TableSuppression.Suppress(new long[,] { { 10, 100 }, { 100, 100 } }, new long[,] { { 20, 20 }, { 20, 20 } }, strict);

        Assert.True(mask.Cell(0, 0));
    }

    /// <summary>The line condition itself: no row or column with a shown total has exactly one hidden part.</summary>
    private static void AssertNoLoneHiddenCell(SuppressionMask mask)
    {
        for (var i = 0; i <= mask.Rows; i++)
        {
            var total = i == mask.Rows ? mask.GrandTotal : mask.RowTotal(i);
            var hidden = Enumerable.Range(0, mask.Columns).Count(j => i == mask.Rows ? mask.ColumnTotal(j) : mask.Cell(i, j));
            Assert.False(!total && hidden == 1, $"row {i} has a lone hidden cell");
        }
        for (var j = 0; j <= mask.Columns; j++)
        {
            var total = j == mask.Columns ? mask.GrandTotal : mask.ColumnTotal(j);
            var hidden = Enumerable.Range(0, mask.Rows).Count(i => j == mask.Columns ? mask.RowTotal(i) : mask.Cell(i, j));
            Assert.False(!total && hidden == 1, $"column {j} has a lone hidden cell");
        }
    }
}
