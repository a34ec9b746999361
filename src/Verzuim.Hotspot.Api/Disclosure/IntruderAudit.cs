namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The intruder. Knows what is published (the shown cells, which cells are hidden, per measure), every equation of
/// <see cref="LinkedTables"/> and that counts are not negative, and tries two attacks on every hidden small count, for
/// students and for absence reports: differencing (an equation with one hidden cell gives it exactly: all minus a band,
/// an institution minus its other campuses, a region minus its other municipalities or PC4s, a total minus the rest of
/// its line) and LP bounds over everything published (OR-Tools GLOP). A finding is a small count whose interval is
/// narrower than the minimum count.
/// The LP attack is made fast without weakening it. The intruder's polytope splits into groups of hidden cells that no
/// equation links. Per group, a few LPs look for points that lift many small counts at once by the minimum count
/// above their true value; since the true value is feasible too, each count lifted that far has a wide interval. A
/// count not lifted gets its own maximum, first near it with the other hidden cells held at their true values (a
/// bound inside the intruder's), then over its whole group; only a count still pinned gets both bounds and counts.
/// The true values are used only to know which hidden cells are small and as that feasible point.
/// </summary>
internal static class IntruderAudit
{
    private const double Tolerance = 1e-6;
    private const int BatchMilliseconds = 60_000;
    private const int MaxRounds = 12;

    public static AuditReport Run(DisclosureMask mask)
    {
        var tables = mask.Tables;
        var measures = new[] { Measure.Students, Measure.Reports };

        var findings = Differencing(mask);
        var pinned = findings.Select(f => (Cell: Find(tables, f.Cell), f.Measure)).ToHashSet();

        // LP bounds over everything published: first a few LPs per group of linked hidden cells that lift many small
        // counts at once, then a bound of its own for each count they did not lift. The two measures share no
        // equation, so each is attacked on a core of its own.
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
        foreach (var component in Neighbourhood.HiddenComponents(tables, Hidden))
        {
            var targets = component.Where(c => mask.NeedsProtection(c, measure) && !pinned.Contains((c, measure))).ToHashSet();
            checkedCount += targets.Count;
            // Each round lifts what the last could not; stop when a round adds little.
            for (var round = 0; round < MaxRounds && targets.Count > 0; round++)
            {
                var before = targets.Count;
                targets.ExceptWith(DisclosureLp.Lifted(tables, component, targets, mask.MinimumCount, measure, BatchMilliseconds));
                if (before - targets.Count < Math.Max(1, before / 50))
                {
                    break;
                }
            }
            foreach (var cell in targets)
            {
                // Its own lift, near it, then over its whole group: the max alone proves a wide interval (the true
                // value is feasible, so min <= value). Only a count that stays pinned gets both bounds.
                var near = Neighbourhood.Around(tables, cell, 12, Hidden, Hidden, byStudents);
                if (DisclosureLp.Lifted(tables, near, [cell], mask.MinimumCount, measure, BatchMilliseconds).Count == 1)
                {
                    continue;
                }
                escalated++;
                if (DisclosureLp.Lifted(tables, component, [cell], mask.MinimumCount, measure, BatchMilliseconds).Count == 1)
                {
                    continue;
                }
                // An LP that does not solve proves nothing, so it counts against the protection.
                var (lower, upper, attack) = DisclosureLp.Bounds(tables, component, cell, Anchor) is { } bounds
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
