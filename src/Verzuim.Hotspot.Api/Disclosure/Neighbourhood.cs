namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The cells near one cell in the graph of equations, for the small LPs of the protector and the audit. Fixing every
/// cell outside the neighbourhood at a feasible value only shrinks what the LP can move, so a perturbation or a bound
/// found on a neighbourhood holds in the whole system; only "cannot" answers need the whole system.
/// </summary>
internal static class Neighbourhood
{
    /// <summary>
    /// The cells an LP around <paramref name="start"/> may move: up to <paramref name="perEquation"/> candidates of every
    /// equation the cell is in (cells already hidden first, then the fewest students); for a cell of a two-way table,
    /// the cells where those candidates' rows and columns cross (they close the cycles a perturbation travels along);
    /// for every candidate that is a total, a few of its parts; then every total and band partner of all of these.
    /// </summary>
    /// <param name="include">Which cells may join (e.g. only hidden ones, for the intruder).</param>
    /// <param name="preferred">Cells to take first, e.g. those already hidden, which cost nothing to move.</param>
    public static HashSet<int> Around(LinkedTables tables, int start, int perEquation, Func<int, bool> include, Func<int, bool> preferred,
        int[][] byStudents)
    {
        var cells = new HashSet<int> { start };
        var first = new List<int>();
        foreach (var e in tables.EquationsOf(start))
        {
            first.AddRange(Candidates(byStudents[e], perEquation, include, preferred, cells));
        }
        var key = tables.Keys[start];
        if (key.Row.Length > 0 && key.Column.Length > 0)
        {
            var rows = first.Select(c => tables.Keys[c]).Where(k => k.Table == key.Table && k.Band == key.Band && k.Column == key.Column)
                .Select(k => k.Row).Prepend(key.Row).ToArray();
            var columns = first.Select(c => tables.Keys[c]).Where(k => k.Table == key.Table && k.Band == key.Band && k.Row == key.Row)
                .Select(k => k.Column).Prepend(key.Column).ToArray();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    if (tables.TryFind(key with { Row = row, Column = column }, out var cross) && include(cross))
                    {
                        cells.Add(cross);
                    }
                }
            }
        }
        foreach (var candidate in first)
        {
            foreach (var e in tables.EquationsOf(candidate).Where(e => tables.Equations[e].Total == candidate && !tables.Equations[e].IsBand))
            {
                Candidates(byStudents[e], Math.Max(1, perEquation / 2), include, preferred, cells);
            }
        }
        Close(tables, cells, include);
        return cells;
    }

    private static List<int> Candidates(int[] ordered, int count, Func<int, bool> include, Func<int, bool> preferred,
        HashSet<int> cells)
    {
        var found = new List<int>();
        foreach (var pass in new[] { true, false })
        {
            var taken = 0;
            foreach (var candidate in ordered)
            {
                if (taken >= count)
                {
                    break;
                }
                if (preferred(candidate) == pass && include(candidate) && !cells.Contains(candidate))
                {
                    cells.Add(candidate);
                    found.Add(candidate);
                    taken++;
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Adds, until nothing changes, the totals a cell is part of and its band partners: a move of a cell must be
    /// mirrored in them, so without them the LP would see no room where there is some.
    /// </summary>
    private static void Close(LinkedTables tables, HashSet<int> cells, Func<int, bool> include)
    {
        var queue = new Queue<int>(cells);
        while (queue.Count > 0)
        {
            var cell = queue.Dequeue();
            foreach (var e in tables.EquationsOf(cell))
            {
                var equation = tables.Equations[e];
                if (equation.Total != cell && include(equation.Total) && cells.Add(equation.Total))
                {
                    queue.Enqueue(equation.Total);
                }
                if (equation.IsBand)
                {
                    foreach (var part in equation.Parts)
                    {
                        if (include(part) && cells.Add(part))
                        {
                            queue.Enqueue(part);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Per equation, its cells (total and parts) ordered by students, fewest first.</summary>
    public static int[][] ByStudents(LinkedTables tables) =>
        [.. tables.Equations.Select(e => e.Parts.Prepend(e.Total).OrderBy(tables.Students).ThenBy(c => c).ToArray())];

    /// <summary>Every hidden cell linked to <paramref name="start"/> through equations with other hidden cells.</summary>
    public static HashSet<int> HiddenComponent(LinkedTables tables, int start, Func<int, bool> hidden)
    {
        var cells = new HashSet<int> { start };
        var queue = new Queue<int>([start]);
        var seen = new HashSet<int>();
        while (queue.Count > 0)
        {
            foreach (var e in tables.EquationsOf(queue.Dequeue()))
            {
                if (!seen.Add(e))
                {
                    continue;
                }
                var equation = tables.Equations[e];
                foreach (var c in equation.Parts.Prepend(equation.Total))
                {
                    if (hidden(c) && cells.Add(c))
                    {
                        queue.Enqueue(c);
                    }
                }
            }
        }
        return cells;
    }
}
