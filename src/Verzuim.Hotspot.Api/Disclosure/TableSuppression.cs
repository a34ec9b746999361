namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>Which cells of a table (and of its margins) are hidden.</summary>
internal sealed class SuppressionMask(int rows, int columns)
{
    // Index [rows, *] is the column-total row and [*, columns] the row-total column; [rows, columns] the grand total.
    private readonly bool[,] _hidden = new bool[rows + 1, columns + 1];
    // Reports hidden while the students are shown (a small count of reports, or to protect one).
    private readonly bool[,] _reportsOnly = new bool[rows + 1, columns + 1];

    public int Rows { get; } = rows;
    public int Columns { get; } = columns;

    public bool Cell(int row, int column) => _hidden[row, column];
    public bool RowTotal(int row) => _hidden[row, Columns];
    public bool ColumnTotal(int column) => _hidden[Rows, column];
    public bool GrandTotal => _hidden[Rows, Columns];

    internal bool this[int row, int column]
    {
        get => _hidden[row, column];
        set => _hidden[row, column] = value;
    }

    /// <summary>True when the reports of this cell (or margin, as indexed above) are hidden, with or without its students.</summary>
    public bool ReportsHidden(int row, int column) => _hidden[row, column] || _reportsOnly[row, column];

    internal void HideReports(int row, int column) => _reportsOnly[row, column] = true;
}

/// <summary>
/// Primary and secondary cell suppression for a two-way table of students and absence reports with its margins.
/// Primary: any cell or total with a small count. Secondary: in every row and column whose total is shown, no hidden
/// cell may be the only hidden one (it would be the total minus the others); the smallest other cell is hidden too,
/// repeated until no line has a lone hidden cell. This is the classic line condition; it does not solve the full
/// linear-programming attack that tools like tau-ARGUS guard against, which counts tables of this shape rarely need.
/// </summary>
internal static class TableSuppression
{
    public static SuppressionMask Suppress(long[,] students, long[,] reports, DisclosurePolicy policy) => Suppress(students, reports, policy, null);

    /// <summary>
    /// As above, with cells (or margins) that must be hidden whatever their counts, e.g. to keep linked tables consistent,
    /// and cells the caller already knows exactly (its own region's row, its own institution's column): those are never
    /// hidden, and count as shown when a line is protected, so what the caller knows cannot reveal anyone else.
    /// </summary>
    public static SuppressionMask Suppress(long[,] students, long[,] reports, DisclosurePolicy policy, SuppressionMask? forced,
        SuppressionMask? known = null)
    {
        int rows = students.GetLength(0), columns = students.GetLength(1);
        var (s, r) = (WithMargins(students), WithMargins(reports));
        var mask = new SuppressionMask(rows, columns);
        for (var i = 0; i <= rows; i++)
        {
            for (var j = 0; j <= columns; j++)
            {
                mask[i, j] = !(known?[i, j] ?? false) && (policy.IsSmall(s[i, j]) || policy.IsSmall(r[i, j]) || (forced?[i, j] ?? false));
            }
        }
        if (policy.Mode == DisclosureMode.Unrestricted)
        {
            return mask;
        }

        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i <= rows; i++)
            {
                changed |= ProtectLine(mask, known, s, r, columns, j => (i, j), (i, columns));
            }
            for (var j = 0; j <= columns; j++)
            {
                changed |= ProtectLine(mask, known, s, r, rows, i => (i, j), (rows, j));
            }
        }
        while (changed);
        return mask;
    }

    /// <summary>Hides a second part of a line whose total is shown and exactly one part is hidden; true if it changed anything.</summary>
    private static bool ProtectLine(SuppressionMask mask, SuppressionMask? known, long[,] s, long[,] r, int parts, Func<int, (int, int)> part,
        (int, int) total)
    {
        if (mask[total.Item1, total.Item2])
        {
            return false;
        }
        var hidden = 0;
        (int, int)? best = null;
        for (var k = 0; k < parts; k++)
        {
            var (i, j) = part(k);
            if (mask[i, j])
            {
                hidden++;
            }
            else if (!(known?[i, j] ?? false) && (best is not { } b || Better(s, r, (i, j), b)))
            {
                best = (i, j);
            }
        }
        if (hidden != 1)
        {
            return false;
        }
        if (best is null && (known?[total.Item1, total.Item2] ?? false))
        {
            // Every other part and the total are known to this caller: the hidden part is theirs to know as well.
            return false;
        }
        // Only one part: the total equals it, so the total must go.
        var (hi, hj) = best ?? total;
        mask[hi, hj] = true;
        return true;
    }

    // Prefer the smallest positive cell: hiding it costs the least information; a zero only when nothing else is left.
    private static bool Better(long[,] s, long[,] r, (int I, int J) candidate, (int I, int J) current)
    {
        var (a, b) = (s[candidate.I, candidate.J], s[current.I, current.J]);
        if ((a > 0) != (b > 0))
        {
            return a > 0;
        }
        return a != b ? a < b : r[candidate.I, candidate.J] < r[current.I, current.J];
    }

    /// <summary>The table with a row-total column, a column-total row and the grand total appended.</summary>
    internal static long[,] WithMargins(long[,] values)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var result = new long[rows + 1, columns + 1];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                result[i, j] = values[i, j];
                result[i, columns] += values[i, j];
                result[rows, j] += values[i, j];
                result[rows, columns] += values[i, j];
            }
        }
        return result;
    }
}
