using System.Diagnostics;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>What <see cref="SecondarySuppression.Protect"/> produced and what it took.</summary>
/// <param name="NotFound">Fallbacks because no perturbation was found in the neighbourhood; the rest are for lack of time.</param>
/// <remarks><see cref="SettledInBulk"/>: small counts found protected by cells hidden for others, in the bulk LPs;
/// <see cref="RaisedOnTheWay"/>: those whose interval the perturbations found for another count already opened to the
/// full width.</remarks>
internal sealed record ProtectionResult(DisclosureMask Mask, int Targets, int LinearPrograms, IReadOnlyDictionary<Measure, int> FallbacksByMeasure,
    int NotFound, TimeSpan Elapsed)
{
    public int SettledInBulk { get; init; }
    public int RaisedOnTheWay { get; init; }
    public IReadOnlyList<int> SolvedByAttempt { get; init; } = [];

    /// <summary>Per view (the public, then each RMC or institution key) and measure: the counts it had to check and what that took.</summary>
    public IReadOnlyList<ViewPass> Views { get; init; } = [];

    public int Fallbacks => FallbacksByMeasure.Values.Sum();
}

/// <summary>One view's share of a protection: the counts it checked, its LPs, the counts that fell back, the time.</summary>
internal sealed record ViewPass(string View, Measure Measure, int Targets, int LinearPrograms, int Fallbacks, TimeSpan Elapsed);

/// <summary>
/// Secondary suppression by optimisation over all linked tables at once, for students and for absence reports, each in
/// its own system. The rule: for every small count (1 to MinimumCount - 1), the feasible interval of an intruder who
/// knows every shown cell, which cells are hidden, every equation and that a hidden count is not below its floor (see
/// <see cref="DisclosureLp.Floor"/>) is at least MinimumCount wide. Per small count, one LP finds the cheapest pair of
/// perturbations of the tables, one moving the count up and one down, that opens its interval that wide (cost: students
/// of the shown cells they move, per unit); the cells they move are hidden. Hiding only ever adds cells, so a
/// perturbation found earlier stays feasible and every count protected earlier stays protected (the method of Kelly,
/// Golden and Assad, 1992, and of tau-ARGUS's optimal suppression, as a sequence of LPs).
/// Most small counts need no LP of their own: the cells hidden so far already protect them. Two LPs per group of linked
/// hidden cells find those in bulk (<see cref="DisclosureLp.Widened"/>), at the start and again whenever the single LPs
/// since took as long as the last bulk pass; the perturbations found for one count also protect every count whose
/// interval they open as wide.
/// Each single LP spans a neighbourhood of the cell, widened step by step; a perturbation found there is one in the
/// whole system. When none is found, or the time limit has passed, the cell takes with it every cell one underlying
/// count adds to (see <see cref="HideRecord"/>): that over-protects, and it is always safe.
/// </summary>
internal static class SecondarySuppression
{
    /// <summary>How many neighbourhoods a small count is tried in before it falls back (the array below must match).</summary>
    private const int NeighbourhoodSteps = 4;

    /// <summary>The most one bulk LP over a group of hidden cells may take.</summary>
    private const int BulkMilliseconds = 10_000;

    /// <param name="againstRoles">
    /// Also against the holder of each RMC region's key, who is shown that region's cells exact
    /// (<see cref="RoleKnowledge"/>); off for a service that issues no such key.
    /// </param>
    /// <param name="againstInstitutions">Also against the holder of each institution's key, who is shown its columns exact.</param>
    /// <param name="measuresSideBySide">
    /// The earlier way, kept for the benchmark's comparison: students and reports protected at once, each on a core, the
    /// reports pass blind to the students the other hides.
    /// </param>
    public static ProtectionResult Protect(LinkedTables tables, int minimumCount, TimeSpan timeLimit, bool againstRoles = true,
        bool againstInstitutions = false, bool measuresSideBySide = false)
    {
        var clock = Stopwatch.StartNew();
        var mask = new DisclosureMask(tables, minimumCount);
        var byStudents = Neighbourhood.ByStudents(tables);
        var roles = RoleKnowledge.Views(tables, againstRoles, againstInstitutions);
        MeasurePass[] results;
        if (measuresSideBySide)
        {
            var passes = new[] { Measure.Students, Measure.Reports }
                .Select(measure => Task.Run(() => ProtectMeasure(mask, measure, byStudents, roles, clock, timeLimit)))
                .ToArray();
            Task.WaitAll(passes);
            mask.HideReportsOfHiddenStudents();
            results = [.. passes.Select(p => p.Result)];
        }
        else
        {
            // Students first. Every cell whose students are hidden hides its reports too, so the reports pass starts with
            // those cells hidden: free room that settles most small report counts in bulk, where a pass blind to them
            // (the two side by side, each on a core) paid for LPs and hid report cells of its own.
            var students = ProtectMeasure(mask, Measure.Students, byStudents, roles, clock, timeLimit);
            mask.HideReportsOfHiddenStudents();
            results = [students, ProtectMeasure(mask, Measure.Reports, byStudents, roles, clock, timeLimit)];
        }
        return new ProtectionResult(mask, results.Sum(r => r.Targets), results.Sum(r => r.Programs),
            results.ToDictionary(r => r.Measure, r => r.Fallbacks), results.Sum(r => r.NotFound), clock.Elapsed)
        {
            SettledInBulk = results.Sum(r => r.Settled),
            RaisedOnTheWay = results.Sum(r => r.Raised),
            SolvedByAttempt = [.. Enumerable.Range(0, NeighbourhoodSteps).Select(i => results.Sum(r => r.SolvedByAttempt[i]))],
            Views = [.. results.SelectMany(r => r.Views)],
        };
    }

    private sealed record MeasurePass(Measure Measure, int Targets, int Programs, int Fallbacks, int NotFound, int Settled, int Raised, int[] SolvedByAttempt,
        List<ViewPass> Views);

    /// <summary>What one measure's pass has done so far, over the public view and every role's.</summary>
    private sealed class Tally
    {
        public int Programs;
        /// <summary>The counts that fell back in some view; each counted once however many views it fell back in.</summary>
        public readonly HashSet<int> FellBack = [];
        public int NotFound;
        public int Settled;
        public int Raised;
        public readonly int[] SolvedByAttempt = new int[NeighbourhoodSteps];
        public readonly List<ViewPass> Views = [];
    }

    private static MeasurePass ProtectMeasure(DisclosureMask mask, Measure measure, int[][] byStudents, IReadOnlyDictionary<string, int[]> roles,
        Stopwatch clock, TimeSpan timeLimit)
    {
        var tables = mask.Tables;
        var order = DisclosureTables.All.ToList();
        var targets = Enumerable.Range(0, tables.Count)
            .Where(c => mask.NeedsProtection(c, measure))
            .OrderBy(c => order.IndexOf(tables.Keys[c].Table))
            .ThenByDescending(tables.Students)
            .ToList();
        var tally = new Tally();
        var byRoom = Neighbourhood.ByRoom(tables, measure);
        // First against the public, who knows every shown cell; then against the holder of each key, who also knows
        // that region's or institution's cells exactly. Hiding only ever adds cells, so every view protected earlier stays so.
        ProtectView(mask, measure, "public", targets, _ => true, byStudents, byRoom, tally, clock, timeLimit);
        foreach (var (view, known) in roles.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var knownSet = known.ToHashSet();
            // The LPs split into groups of linked hidden cells. Holding the key's hidden cells fixed changes only the
            // groups they are in; a count in any other group keeps the interval it has for the public.
            var touched = Neighbourhood.HiddenComponents(tables, c => mask.IsHidden(c, measure))
                .Where(component => component.Any(knownSet.Contains))
                .SelectMany(component => component)
                .ToHashSet();
            ProtectView(mask, measure, view, [.. targets.Where(c => touched.Contains(c) && !knownSet.Contains(c))], c => !knownSet.Contains(c),
                byStudents, byRoom, tally, clock, timeLimit);
        }
        return new MeasurePass(measure, targets.Count, tally.Programs, tally.FellBack.Count, tally.NotFound, tally.Settled, tally.Raised, tally.SolvedByAttempt, tally.Views);
    }

    /// <summary>
    /// Protects <paramref name="targets"/> against an intruder who knows, besides every shown cell, the cells that
    /// <paramref name="unknown"/> rejects: those stay put in every LP, as the intruder holds them fixed.
    /// </summary>
    private static void ProtectView(DisclosureMask mask, Measure measure, string view, List<int> targets, Func<int, bool> unknown, int[][] byStudents,
        int[][] byRoom, Tally tally, Stopwatch clock, TimeSpan timeLimit)
    {
        var tables = mask.Tables;
        var (started, programsBefore, fellBackBefore) = (clock.Elapsed, tally.Programs, tally.FellBack.Count);
        var pending = targets.ToHashSet();
        bool Hidden(int c) => mask.IsHidden(c, measure);
        bool HiddenAndUnknown(int c) => Hidden(c) && unknown(c);
        tally.Settled += SettleWidened(mask, measure, HiddenAndUnknown, pending, clock, timeLimit, ref tally.Programs);
        var (settledAt, settling) = (clock.Elapsed, clock.Elapsed);
        foreach (var cell in targets)
        {
            // A hidden underlying count through the cell that this intruder does not know opens it as the fallback
            // would: often left by an earlier view, and cheaper to check than an LP.
            if (!pending.Remove(cell) || HiddenRecordThrough(tables, cell, HiddenAndUnknown))
            {
                continue;
            }
            // Cheap cells near it first, then more of them; then the cells with the most room to move down; then a few
            // levels up (a count whose only room is there would otherwise fall back).
            var attempts = new Func<HashSet<int>>[NeighbourhoodSteps]
            {
                () => Neighbourhood.Around(tables, cell, 3, unknown, Hidden, byStudents),
                () => Neighbourhood.Around(tables, cell, 8, unknown, Hidden, byStudents),
                () => Neighbourhood.Around(tables, cell, 6, unknown, Hidden, byRoom),
                () => [.. Neighbourhood.Wide(tables, cell, 6, 12, 6000, byRoom).Where(unknown)],
            };
            var done = false;
            foreach (var (attempt, index) in attempts.Select((a, i) => (a, i)).TakeWhile(_ => clock.Elapsed <= timeLimit))
            {
                tally.Programs++;
                var remaining = Math.Max(1, (int)(timeLimit - clock.Elapsed).TotalMilliseconds);
                if (DisclosureLp.Perturbation(tables, attempt(), cell, mask.MinimumCount, measure, Hidden, remaining) is { } found)
                {
                    found.Moved.ForEach(c => mask.HideOnly(c, measure));
                    tally.Raised += found.Widened.Count(pending.Remove);
                    tally.SolvedByAttempt[index]++;
                    done = true;
                    break;
                }
            }
            if (!done)
            {
                tally.FellBack.Add(cell);
                tally.NotFound += clock.Elapsed > timeLimit ? 0 : 1;
                HideRecord(tables, cell, measure, mask, unknown);
            }
            // Cells hidden for one count often protect others: settle those in bulk whenever the single LPs since the
            // last settling took as long as it did.
            if (clock.Elapsed - settledAt >= settling && pending.Count > 0)
            {
                var start = clock.Elapsed;
                tally.Settled += SettleWidened(mask, measure, HiddenAndUnknown, pending, clock, timeLimit, ref tally.Programs);
                (settling, settledAt) = (clock.Elapsed - start, clock.Elapsed);
            }
        }
        tally.Views.Add(new ViewPass(view, measure, targets.Count, tally.Programs - programsBefore, tally.FellBack.Count - fellBackBefore,
            clock.Elapsed - started));
    }

    /// <summary>
    /// Removes from <paramref name="pending"/> every small count the cells hidden so far already protect: per group of
    /// linked hidden cells and per measure, two LPs that open as many intervals as they can to the minimum count
    /// (<see cref="DisclosureLp.Widened"/>). Hiding more later only widens the intruder's polytope, so they stay protected.
    /// Returns how many it removed; <paramref name="programs"/> counts the LPs.
    /// </summary>
    private static int SettleWidened(DisclosureMask mask, Measure measure, Func<int, bool> variable, HashSet<int> pending, Stopwatch clock,
        TimeSpan timeLimit, ref int programs)
    {
        var before = pending.Count;
        foreach (var component in Neighbourhood.HiddenComponents(mask.Tables, variable))
        {
            var targets = component.Where(pending.Contains).ToList();
            var remaining = (int)(timeLimit - clock.Elapsed).TotalMilliseconds;
            if (targets.Count == 0 || remaining <= 0)
            {
                continue;
            }
            programs++;
            // A bulk LP that does not finish in its share of time settles nothing; the single LPs then do the work.
            pending.ExceptWith(DisclosureLp.Widened(mask.Tables, component, targets, mask.MinimumCount, measure, Math.Min(remaining, BulkMilliseconds)));
        }
        return before - pending.Count;
    }

    /// <summary>True when every cell of some underlying count through <paramref name="cell"/> passes <paramref name="free"/>.</summary>
    private static bool HiddenRecordThrough(LinkedTables tables, int cell, Func<int, bool> free) =>
        tables.RecordsThrough(cell).Any(record => record.All(free));

    /// <summary>
    /// The fallback: hide every cell that one underlying count through this cell adds to. Adding MinimumCount to that
    /// count then moves this cell up by as much and keeps every equation, with only hidden cells moving, so the cell is
    /// protected whatever else is shown. It hides totals up to the national one: safe, and costly. The count is one this
    /// view's intruder does not know (for a campus total: one of another region than the key's), since a perturbation
    /// through a known cell is closed to them. There is always one: a count of which every underlying count is known
    /// is known itself (<see cref="RoleKnowledge"/>), and is no target of that view.
    /// </summary>
    private static void HideRecord(LinkedTables tables, int cell, Measure measure, DisclosureMask mask, Func<int, bool> unknown)
    {
        var record = tables.RecordsThrough(cell).FirstOrDefault(r => r.All(unknown)) ?? tables.RecordThrough(cell);
        foreach (var c in record)
        {
            mask.HideOnly(c, measure);
        }
    }
}
