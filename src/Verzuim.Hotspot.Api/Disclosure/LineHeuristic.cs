using Verzuim.Hotspot.Api.Flows;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The previous protection, applied to the linked tables for comparison: the line heuristic of
/// <see cref="LinkedSuppression"/> on the flows by institution and by campus, each band on its own, and primary
/// suppression only on the residence tables (as the layers did). Kept for the benchmark and for the test that shows
/// the audit catching it.
/// </summary>
internal static class LineHeuristic
{
    public static DisclosureMask Apply(LinkedTables tables, DisclosurePolicy policy)
    {
        var mask = new DisclosureMask(tables, policy.MinimumCount, smallReportsHideStudents: true);
        foreach (var band in T.Bands)
        {
            var keys = tables.Keys.Where(k => k.Band == band).ToList();
            var regions = keys.Where(k => k.Table == T.Region).Select(k => k.Row).Order(StringComparer.Ordinal).ToArray();
            var campuses = keys.Where(k => k.Table == T.Campus).Select(k => k.Column).Order(StringComparer.Ordinal).ToArray();
            var institutions = keys.Where(k => k.Table == T.Institution).Select(k => k.Column).Order(StringComparer.Ordinal).ToArray();
            var institutionIndex = institutions.Select((i, n) => (i, n)).ToDictionary(x => x.i, x => x.n, StringComparer.Ordinal);
            var institutionOfCampus = campuses.Select(c => institutionIndex[InstitutionOf(tables, band, c, institutions)]).ToArray();

            var (cs, cr) = Matrix(tables, T.CampusFlows, band, regions, campuses);
            var (ins, inr) = Matrix(tables, T.InstitutionFlows, band, regions, institutions);
            var (institutionMask, campusMask) = LinkedSuppression.Suppress(ins, inr, cs, cr, institutionOfCampus, policy);
            Apply(tables, mask, T.CampusFlows, T.Campus, band, regions, campuses, campusMask);
            Apply(tables, mask, T.InstitutionFlows, T.Institution, band, regions, institutions, institutionMask);
        }
        return mask;
    }

    // The institution whose flows cell holds this campus's: the flows tables are built that way, so any row will do.
    private static string InstitutionOf(LinkedTables tables, string band, string campus, string[] institutions)
    {
        tables.TryFind(new CellKey(T.Campus, band, "", campus), out var cell);
        var equation = tables.EquationsOf(cell).Select(e => tables.Equations[e])
            .First(e => e.Parts.Contains(cell) && tables.Keys[e.Total].Table == T.Institution);
        return institutions.First(i => i == tables.Keys[equation.Total].Column);
    }

    private static (long[,] Students, long[,] Reports) Matrix(LinkedTables tables, string table, string band, string[] rows, string[] columns)
    {
        var (s, r) = (new long[rows.Length, columns.Length], new long[rows.Length, columns.Length]);
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                if (tables.TryFind(new CellKey(table, band, rows[i], columns[j]), out var cell))
                {
                    (s[i, j], r[i, j]) = (tables.Students(cell), tables.Reports(cell));
                }
            }
        }
        return (s, r);
    }

    private static void Apply(LinkedTables tables, DisclosureMask mask, string table, string totals, string band, string[] rows, string[] columns,
        SuppressionMask hidden)
    {
        void Hide(CellKey key, bool isHidden)
        {
            if (isHidden && tables.TryFind(key, out var cell))
            {
                mask.Hide(cell);
            }
        }
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                Hide(new CellKey(table, band, rows[i], columns[j]), hidden.Cell(i, j));
            }
            Hide(new CellKey(T.Region, band, rows[i], ""), hidden.RowTotal(i));
        }
        for (var j = 0; j < columns.Length; j++)
        {
            Hide(new CellKey(totals, band, "", columns[j]), hidden.ColumnTotal(j));
        }
        Hide(new CellKey(T.National, band, "", ""), hidden.GrandTotal);
    }
}
