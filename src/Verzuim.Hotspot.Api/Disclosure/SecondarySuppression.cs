using System.Diagnostics;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>What <see cref="SecondarySuppression.Protect"/> produced and what it took.</summary>
/// <param name="NotFound">Fallbacks because no perturbation was found in the neighbourhood; the rest are for lack of time.</param>
internal sealed record ProtectionResult(DisclosureMask Mask, int Targets, int LinearPrograms, IReadOnlyDictionary<Measure, int> FallbacksByMeasure,
    int NotFound, TimeSpan Elapsed)
{
    public int Fallbacks => FallbacksByMeasure.Values.Sum();
}

/// <summary>
/// Secondary suppression by optimisation over all linked tables at once. The rule: for every small count (1 to
/// MinimumCount - 1, students or reports), an intruder who knows every shown cell, which cells are hidden, every
/// equation and that counts are not negative, can still move that count up by MinimumCount; its feasible interval
/// is then at least MinimumCount wide. Per small count, one LP finds the cheapest perturbation of the tables that does
/// this (cost: students of the shown cells it moves, per unit); the cells it moves are hidden. Hiding only ever adds
/// cells, so a perturbation found earlier stays feasible and every count protected earlier stays protected (the
/// method of Kelly, Golden and Assad, 1992, and of tau-ARGUS's optimal suppression, as a sequence of LPs).
/// Each LP spans a neighbourhood of the cell; a perturbation found there is one in the whole system. When none is
/// found, or the time limit has passed, the cell takes with it every cell one underlying count adds to (see
/// <see cref="HideRecord"/>): that over-protects, and it is always safe.
/// </summary>
internal static class SecondarySuppression
{
    public static ProtectionResult Protect(LinkedTables tables, int minimumCount, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var mask = new DisclosureMask(tables, minimumCount);
        var byStudents = Neighbourhood.ByStudents(tables);
        var order = DisclosureTables.All.ToList();
        var targets = Enumerable.Range(0, tables.Count)
            .SelectMany(c => new[] { Measure.Students, Measure.Reports }.Where(m => mask.NeedsProtection(c, m)).Select(m => (Cell: c, Measure: m)))
            .OrderBy(t => order.IndexOf(tables.Keys[t.Cell].Table))
            .ThenByDescending(t => tables.Students(t.Cell))
            .ToList();
        var (programs, notFound) = (0, 0);
        var fallbacks = new Dictionary<Measure, int> { [Measure.Students] = 0, [Measure.Reports] = 0 };
        foreach (var (cell, measure) in targets)
        {
            var done = false;
            foreach (var perEquation in new[] { 3, 8 })
            {
                if (clock.Elapsed > timeLimit)
                {
                    break;
                }
                var cells = Neighbourhood.Around(tables, cell, perEquation, _ => true, mask.IsHidden, byStudents);
                programs++;
                var remaining = Math.Max(1, (int)(timeLimit - clock.Elapsed).TotalMilliseconds);
                if (DisclosureLp.Perturbation(tables, cells, cell, minimumCount, measure, mask.IsHidden, remaining) is { } moved)
                {
                    moved.ForEach(mask.Hide);
                    done = true;
                    break;
                }
            }
            if (!done)
            {
                fallbacks[measure]++;
                notFound += clock.Elapsed > timeLimit ? 0 : 1;
                HideRecord(tables, cell, mask);
            }
        }
        return new ProtectionResult(mask, targets.Count, programs, fallbacks, notFound, clock.Elapsed);
    }

    /// <summary>
    /// The fallback: hide every cell that one underlying count through this cell adds to. Adding MinimumCount to that
    /// count then moves this cell up by as much and keeps every equation, with only hidden cells moving, so the cell is
    /// protected whatever else is shown. It hides totals up to the national one: safe, and costly.
    /// </summary>
    private static void HideRecord(LinkedTables tables, int cell, DisclosureMask mask)
    {
        foreach (var c in tables.RecordThrough(cell))
        {
            mask.Hide(c);
        }
    }
}
