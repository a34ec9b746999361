namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The cells near one cell in the graph of equations, for the small LPs of the protector and the audit. Fixing every
/// cell outside the neighbourhood at a feasible value only shrinks what the LP can move, so a perturbation or a bound
/// found on a neighbourhood holds in the whole system; only "cannot" answers need the whole system.
/// </summary>
internal static class Neighbourhood
{
    private const int PreferredFactor = 2;

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

    /// <summary>
    /// Up to <see cref="PreferredFactor"/> times <paramref name="count"/> preferred cells, then up to
    /// <paramref name="count"/> others. Preferred (hidden) cells cost nothing to move, and together they often have the
    /// room a move needs: with too few of them in the LP it would hide a shown cell for what hidden ones could carry.
    /// </summary>
    private static List<int> Candidates(int[] ordered, int count, Func<int, bool> include, Func<int, bool> preferred,
        HashSet<int> cells)
    {
        var found = new List<int>();
        foreach (var pass in new[] { true, false })
        {
            var taken = 0;
            var limit = pass ? count * PreferredFactor : count;
            foreach (var candidate in ordered)
            {
                if (taken >= limit)
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

    /// <summary>
    /// A wide neighbourhood for the counts the others cannot protect: every cell within <paramref name="depth"/> equations
    /// of <paramref name="start"/>, taking from each equation its total and up to <paramref name="perEquation"/> parts in
    /// the order given (the most room first), up to <paramref name="maxCells"/> cells. A small count whose only room is
    /// a few levels up (a PC4 whose municipality's other PC4s have less than the minimum between them) needs this.
    /// </summary>
    public static HashSet<int> Wide(LinkedTables tables, int start, int depth, int perEquation, int maxCells, int[][] ordered)
    {
        var cells = new HashSet<int> { start };
        var frontier = new List<int> { start };
        var seen = new HashSet<int>();
        for (var level = 0; level < depth && frontier.Count > 0 && cells.Count < maxCells; level++)
        {
            var next = new List<int>();
            foreach (var cell in frontier)
            {
                foreach (var e in tables.EquationsOf(cell).Where(seen.Add))
                {
                    foreach (var c in ordered[e].Where(c => c == tables.Equations[e].Total).Concat(ordered[e].Take(perEquation)))
                    {
                        if (cells.Count < maxCells && cells.Add(c))
                        {
                            next.Add(c);
                        }
                    }
                }
            }
            frontier = next;
        }
        Close(tables, cells, _ => true);
        return cells;
    }

    /// <summary>Per equation, its cells (total and parts) ordered by students, fewest first.</summary>
    public static int[][] ByStudents(LinkedTables tables) =>
        [.. tables.Equations.Select(e => e.Parts.Prepend(e.Total).OrderBy(tables.Students).ThenBy(c => c).ToArray())];

    /// <summary>
    /// Per equation, its cells ordered by their count in <paramref name="measure"/>, most first: the cells that can
    /// take a move down. A small count of reports among cells with few reports has no room near it in the order of
    /// <see cref="ByStudents"/>.
    /// </summary>
    public static int[][] ByRoom(LinkedTables tables, Measure measure) =>
        [.. tables.Equations.Select(e => e.Parts.Prepend(e.Total).OrderByDescending(c => tables.Value(c, measure)).ThenBy(c => c).ToArray())];

    /// <summary>
    /// The hidden cells split into groups that no equation links: an equation ties together the hidden cells it holds
    /// (its shown cells are constants), so the intruder's polytope is the product of one polytope per group.
    /// </summary>
    public static List<List<int>> HiddenComponents(LinkedTables tables, Func<int, bool> hidden)
    {
        var parent = Enumerable.Range(0, tables.Count).ToArray();
        int Root(int c)
        {
            while (parent[c] != c)
            {
                (parent[c], c) = (parent[parent[c]], parent[c]);
            }
            return c;
        }
        foreach (var equation in tables.Equations)
        {
            var first = -1;
            foreach (var c in equation.Parts.Prepend(equation.Total).Where(hidden))
            {
                if (first < 0)
                {
                    first = Root(c);
                }
                else
                {
                    parent[Root(c)] = first;
                }
            }
        }
        return [.. Enumerable.Range(0, tables.Count).Where(hidden).GroupBy(Root).Select(g => g.ToList())];
    }
}
