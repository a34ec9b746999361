namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The intruder. Knows what is published (the shown cells, which cells are hidden), every equation of
/// <see cref="LinkedTables"/> and that counts are not negative, and tries two attacks on every hidden small count:
/// differencing (an equation with one hidden cell gives it exactly: all minus a band, an institution minus its other
/// campuses, a region minus its other municipalities or PC4s, a total minus the rest of its line) and LP bounds (the
/// min and max of the cell over everything published, OR-Tools GLOP). A finding is a small count whose interval is
/// narrower than the minimum count. The true values are used only to know which hidden cells are small and as one
/// feasible point: a bound computed with some hidden cells held at their true values lies inside the intruder's
/// interval, so a wide one proves safety; a narrow one is recomputed over every linked hidden cell before it counts.
/// </summary>
internal static class IntruderAudit
{
    private const double Tolerance = 1e-6;

    public static AuditReport Run(DisclosureMask mask)
    {
        var tables = mask.Tables;
        var measures = new[] { Measure.Students, Measure.Reports };

        var findings = Differencing(mask);
        var pinned = findings.Select(f => (Cell: Find(tables, f.Cell), f.Measure)).ToHashSet();

        // LP bounds over everything published.
        var byStudents = Neighbourhood.ByStudents(tables);
        var (checkedCount, escalated) = (0, 0);
        foreach (var cell in mask.Hidden)
        {
            foreach (var measure in measures.Where(m => mask.NeedsProtection(cell, m) && !pinned.Contains((cell, m))))
            {
                checkedCount++;
                double Anchor(int c) => tables.Value(c, measure);
                var near = Neighbourhood.Around(tables, cell, 12, mask.IsHidden, mask.IsHidden, byStudents);
                if (DisclosureLp.Bounds(tables, near, cell, Anchor) is { } local && local.Max - local.Min >= mask.MinimumCount - Tolerance)
                {
                    continue;
                }
                escalated++;
                var component = Neighbourhood.HiddenComponent(tables, cell, mask.IsHidden);
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
        return new AuditReport(findings, checkedCount + pinned.Count, escalated);
    }

    /// <summary>The first attack alone, quick on any size: every published equation with exactly one hidden cell.</summary>
    public static List<AuditFinding> Differencing(DisclosureMask mask)
    {
        var tables = mask.Tables;
        var findings = new List<AuditFinding>();
        var pinned = new HashSet<(int, Measure)>();
        foreach (var equation in tables.Equations)
        {
            var hidden = equation.Parts.Prepend(equation.Total).Where(mask.IsHidden).Take(2).ToArray();
            if (hidden.Length != 1)
            {
                continue;
            }
            foreach (var measure in new[] { Measure.Students, Measure.Reports }.Where(m => mask.NeedsProtection(hidden[0], m)))
            {
                if (pinned.Add((hidden[0], measure)))
                {
                    var value = tables.Value(hidden[0], measure);
                    findings.Add(new AuditFinding(tables.Keys[hidden[0]], measure, value, value, value,
                        $"differencing {tables.Keys[equation.Total].Table} = sum of {tables.Keys[equation.Parts[0]].Table}"));
                }
            }
        }
        return findings;
    }

    private static int Find(LinkedTables tables, CellKey key) => tables.TryFind(key, out var cell) ? cell : -1;
}
