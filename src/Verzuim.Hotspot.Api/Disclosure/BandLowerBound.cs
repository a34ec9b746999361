namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The least secondary suppression that the band equation (all = under18 + 18plus) alone forces on a flow table,
/// whatever else is published, under the rule of <see cref="SecondarySuppression"/> (a small count's interval at least
/// MinimumCount wide, a listed hidden count at least 1). Per cell of the table, with u, o and a its under18, 18plus and
/// all students:
/// <list type="bullet">
/// <item>u small, o shown-sized (o &gt;= MinimumCount): with o and a shown, u = a - o is pinned, so o or a is hidden;</item>
/// <item>o small, u shown-sized: likewise u or a;</item>
/// <item>u and o both small and a shown: u lies in [1, a - 1], fewer than MinimumCount values when a - 2 &lt; MinimumCount,
/// so a is hidden.</item>
/// </list>
/// Each cell's choices touch only its own three counts, so the cells are independent. <see cref="MaxShare"/> is the
/// least that the largest of the three tables' shares (students hidden by secondary suppression / the table's students)
/// can be under these choices alone, relaxed to fractions of a cell (so it is a lower bound). It tells how much of a
/// per-table loss target is gone before any row, column or total is protected. <see cref="MaxShareByDifferencing"/> is
/// the same bound from the first two kinds alone, which differencing pins whatever an intruder knows of a hidden
/// count's floor.
/// </summary>
internal sealed record BandLowerBound(string Table, long Students, long ForcedAll, double MaxShare, double MaxShareByDifferencing)
{
    public double ForcedAllShare => Students > 0 ? (double)ForcedAll / Students : 0;

    public static IReadOnlyList<BandLowerBound> Of(LinkedTables tables, int minimumCount) =>
        [.. new[] { DisclosureTables.CampusFlows, DisclosureTables.InstitutionFlows }.Select(t => Of(tables, t, minimumCount))];

    public static BandLowerBound Of(LinkedTables tables, string table, int minimumCount)
    {
        bool Small(long n) => n > 0 && n < minimumCount;
        long Value(CellKey key) => tables.TryFind(key, out var c) ? tables.Students(c) : 0;
        var (under18, eighteenPlus) = (0L, 0L);
        var forcedAll = 0L;
        // (cost in the band's own table, cost in the all table) per cell with a choice to make.
        var youngSmall = new List<(long Band, long All)>();
        var oldSmall = new List<(long Band, long All)>();
        foreach (var key in tables.Keys.Where(k => k.Table == table && k.Band == AgeBands.All))
        {
            var u = Value(key with { Band = AgeBands.Under18 });
            var o = Value(key with { Band = AgeBands.EighteenPlus });
            (under18, eighteenPlus) = (under18 + u, eighteenPlus + o);
            if (Small(u) && o >= minimumCount)
            {
                youngSmall.Add((o, u + o));
            }
            else if (Small(o) && u >= minimumCount)
            {
                oldSmall.Add((u, u + o));
            }
            else if (Small(u) && Small(o) && u + o - 2 < minimumCount && u + o >= minimumCount)
            {
                forcedAll += u + o;
            }
        }
        var all = under18 + eighteenPlus;

        // Feasible when every table stays within share t: each band table takes the cells that would cost the all table
        // most per student of its own, as far as its budget goes (the fractional knapsack), the all table the rest.
        bool Feasible(double t, long forced)
        {
            var allBudget = (t * all) - forced;
            foreach (var (cells, budget) in new[] { (youngSmall, t * eighteenPlus), (oldSmall, t * under18) })
            {
                var left = budget;
                foreach (var (band, inAll) in cells.OrderByDescending(c => (double)c.All / c.Band))
                {
                    var taken = Math.Clamp(left / band, 0, 1);
                    left -= taken * band;
                    allBudget -= (1 - taken) * inAll;
                }
            }
            return allBudget >= -1e-9;
        }

        double Least(long forced)
        {
            var (low, high) = (0.0, 1.0);
            for (var step = 0; step < 50; step++)
            {
                var mid = (low + high) / 2;
                (low, high) = Feasible(mid, forced) ? (low, mid) : (mid, high);
            }
            return high;
        }

        return new BandLowerBound(table, all, forcedAll, Least(forcedAll), Least(0));
    }
}
