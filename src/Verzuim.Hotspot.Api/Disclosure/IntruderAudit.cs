namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The intruder. Knows what is published (the shown cells, which cells are hidden, per measure), every equation of
/// <see cref="LinkedTables"/> and that a hidden count is not below its floor (<see cref="DisclosureLp.Floor"/>: 1 for a
/// listed cell), and tries two attacks on every hidden small count, for students and for absence reports: differencing
/// (an equation with one hidden cell gives it exactly: all minus a band, an institution minus its other campuses, a
/// region minus its other municipalities or PC4s, a total minus the rest of its line) and LP bounds over everything
/// published (OR-Tools GLOP). A finding is a small count whose interval (its least to its most possible value) is
/// narrower than the minimum count.
/// The LP attack is made fast without weakening it. The intruder's polytope splits into groups of hidden cells that no
/// equation links. Per group, a few pairs of LPs look for a low and a high point that open the intervals of many small
/// counts at once (<see cref="DisclosureLp.Widened"/>); both points are feasible, so a count whose two points lie the
/// minimum count apart is settled. A count not settled gets its own bounds, first near it with the other hidden cells
/// held at their true values (an interval inside the intruder's), then over its whole group; only a count still
/// narrow there counts.
/// The true values are used only to know which hidden cells are small, their floors, and as feasible points.
/// </summary>
internal static class IntruderAudit
{
    private const double Tolerance = 1e-6;
    private const int BatchMilliseconds = 60_000;
    private const int MaxRounds = 12;
    private const int OwnBoundsBelow = 150;

    public static AuditReport Run(DisclosureMask mask)
    {
        var tables = mask.Tables;
        var measures = new[] { Measure.Students, Measure.Reports };

        var findings = Differencing(mask);
        var pinned = findings.Select(f => (Cell: Find(tables, f.Cell), f.Measure)).ToHashSet();

        // LP bounds over everything published: first a few pairs of LPs per group of linked hidden cells that open many
        // small counts' intervals at once, then bounds of its own for each count they did not settle. The two measures
        // share no equation, so each is attacked on a core of its own.
        var byStudents = Neighbourhood.ByStudents(tables);
        var attacks = measures.Select(measure => Task.Run(() => Attack(mask, measure, pinned, byStudents))).ToArray();
        Task.WaitAll(attacks);
        foreach (var attack in attacks)
        {
            findings.AddRange(attack.Result.Findings);
        }
        var (checkedCount, escalated) = (attacks.Sum(a => a.Result.Checked), attacks.Sum(a => a.Result.Escalated));
        return new AuditReport(findings, checkedCount + pinned.Count, escalated);
    }

    /// <summary>The first attack alone, quick on any size: every published equation with exactly one hidden cell.</summary>
    private static (List<AuditFinding> Findings, int Checked, int Escalated) Attack(DisclosureMask mask, Measure measure,
        HashSet<(int Cell, Measure Measure)> pinned, int[][] byStudents)
    {
        var tables = mask.Tables;
        var findings = new List<AuditFinding>();
        var (checkedCount, escalated) = (0, 0);
        double Anchor(int c) => tables.Value(c, measure);
        bool Hidden(int c) => mask.IsHidden(c, measure);
        var byRoom = Neighbourhood.ByRoom(tables, measure);
        foreach (var component in Neighbourhood.HiddenComponents(tables, Hidden))
        {
            var targets = component.Where(c => mask.NeedsProtection(c, measure) && !pinned.Contains((c, measure))).ToHashSet();
            checkedCount += targets.Count;
            // Each round opens what the last could not; stop when a round adds little, or when so few counts are left
            // that their own small LPs are quicker than another round over the whole group.
            for (var round = 0; round < MaxRounds && targets.Count > OwnBoundsBelow; round++)
            {
                var before = targets.Count;
                targets.ExceptWith(DisclosureLp.Widened(tables, component, targets, mask.MinimumCount, measure, BatchMilliseconds));
                if (before - targets.Count < Math.Max(1, before / 50))
                {
                    break;
                }
            }
            foreach (var cell in targets)
            {
                // Its own bounds near it, with the other hidden cells at their true values: an interval inside the
                // intruder's, so a wide one settles it. Only a count still narrow there gets bounds over its whole group.
                var near = Neighbourhood.Around(tables, cell, 12, Hidden, Hidden, byStudents);
                if (DisclosureLp.Bounds(tables, near, cell, measure, Anchor) is { } inner && inner.Max - inner.Min >= mask.MinimumCount - Tolerance)
                {
                    continue;
                }
                // Then a wide neighbourhood, a few levels up the tables, still inside the intruder's.
                var wide = Neighbourhood.Wide(tables, cell, 6, 12, 6000, byRoom).Where(Hidden).ToHashSet();
                if (DisclosureLp.Bounds(tables, wide, cell, measure, Anchor) is { } wider && wider.Max - wider.Min >= mask.MinimumCount - Tolerance)
                {
                    continue;
                }
                escalated++;
                // An LP that does not solve proves nothing, so it counts against the protection.
                var (lower, upper, attack) = DisclosureLp.Bounds(tables, component, cell, measure, Anchor) is { } bounds
                    ? (bounds.Min, bounds.Max, "LP bounds")
                    : (double.NaN, double.NaN, "LP bounds (did not solve: counted as pinned)");
                if (!(upper - lower >= mask.MinimumCount - Tolerance))
                {
                    findings.Add(new AuditFinding(tables.Keys[cell], measure, tables.Value(cell, measure), lower, upper, attack));
                }
            }
        }
        return (findings, checkedCount, escalated);
    }

    public static List<AuditFinding> Differencing(DisclosureMask mask)
    {
        var tables = mask.Tables;
        var findings = new List<AuditFinding>();
        var pinned = new HashSet<(int, Measure)>();
        foreach (var (equation, measure) in tables.Equations.SelectMany(e => new[] { (e, Measure.Students), (e, Measure.Reports) }))
        {
            var hidden = equation.Parts.Prepend(equation.Total).Where(c => mask.IsHidden(c, measure)).Take(2).ToArray();
            if (hidden.Length == 1 && mask.NeedsProtection(hidden[0], measure) && pinned.Add((hidden[0], measure)))
            {
                var value = tables.Value(hidden[0], measure);
                findings.Add(new AuditFinding(tables.Keys[hidden[0]], measure, value, value, value,
                    $"differencing {tables.Keys[equation.Total].Table} = sum of {tables.Keys[equation.Parts[0]].Table}"));
            }
        }
        return findings;
    }

    private static int Find(LinkedTables tables, CellKey key) => tables.TryFind(key, out var cell) ? cell : -1;
}
