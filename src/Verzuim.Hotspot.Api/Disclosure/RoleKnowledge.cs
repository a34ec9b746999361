using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;
using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// What a key's holder knows exactly besides everything public: an RMC key its region's rows of the flows, its region
/// total and the residence totals of its municipalities and PC4s; an institution key its columns of the flows, its
/// total and its campuses' totals. These are the cells the API shows such a key exact (<see cref="DisclosurePolicy"/>),
/// so they are what the intruder holding that key adds to the public tables, with what follows from them alone. Which
/// municipality and PC4 lie in which region is read from the equations, as the tables were built.
/// </summary>
internal static class RoleKnowledge
{
    /// <summary>
    /// The key holders' views by the name the API states for them (<see cref="AccessRole"/>: <c>rmc:MC21</c>,
    /// <c>institution:25LX</c>), each with the cells that holder knows exactly: every region's, every institution's, or both.
    /// </summary>
    public static Dictionary<string, int[]> Views(LinkedTables tables, bool regions, bool institutions)
    {
        var views = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (region, known) in regions ? OfRegions(tables) : [])
        {
            views[new AccessRole(AccessKind.Rmc, region).ToString()] = known;
        }
        foreach (var (brin, known) in institutions ? OfInstitutions(tables) : [])
        {
            views[new AccessRole(AccessKind.Institution, brin).ToString()] = known;
        }
        return views;
    }

    /// <summary>Per RMC region code: the cells an <c>rmc:</c> key of that region is shown exact.</summary>
    public static Dictionary<string, int[]> OfRegions(LinkedTables tables)
    {
        var known = new Dictionary<string, HashSet<int>>();
        HashSet<int> Of(string region) => known.TryGetValue(region, out var set) ? set : known[region] = [];
        var keys = tables.Keys;
        for (var c = 0; c < tables.Count; c++)
        {
            if (keys[c] is { Table: T.CampusFlows or T.InstitutionFlows or T.Region, Row: var row } && row != T.Unplaced)
            {
                Of(row).Add(c);
            }
        }
        // Region = sum of its municipalities, municipality = sum of its PC4s: walk down from each region total.
        foreach (var (region, cells) in known)
        {
            var residence = new Stack<int>(cells.Where(c => keys[c].Table == T.Region));
            while (residence.TryPop(out var total))
            {
                foreach (var equation in tables.EquationsOf(total).Select(e => tables.Equations[e]).Where(e => e.Total == total && !e.IsBand))
                {
                    foreach (var part in equation.Parts.Where(p => keys[p].Table is T.Municipality or T.Pc4 && cells.Add(p)))
                    {
                        residence.Push(part);
                    }
                }
            }
        }
        foreach (var cells in known.Values)
        {
            CloseOver(tables, cells);
        }
        return known.ToDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray());
    }

    /// <summary>
    /// Per institution (BRIN): the cells an <c>institution:</c> key of that institution is shown exact, its columns of both
    /// flow tables (every row, the unplaced one too), its total and its campuses' totals, with what follows from them.
    /// Which campuses make the institution is read from the equations (institution = sum of its campuses).
    /// </summary>
    public static Dictionary<string, int[]> OfInstitutions(LinkedTables tables)
    {
        var keys = tables.Keys;
        var institutionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var equation in tables.Equations.Where(e => keys[e.Total].Table == T.Institution))
        {
            foreach (var part in equation.Parts.Where(p => keys[p].Table == T.Campus))
            {
                institutionOf[keys[part].Column] = keys[equation.Total].Column;
            }
        }
        var known = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var c = 0; c < tables.Count; c++)
        {
            var institution = keys[c] switch
            {
                { Table: T.InstitutionFlows or T.Institution, Column: var brin } => brin,
                { Table: T.CampusFlows or T.Campus, Column: var campus } => institutionOf.GetValueOrDefault(campus),
                _ => null,
            };
            if (institution is not null)
            {
                (known.TryGetValue(institution, out var set) ? set : known[institution] = []).Add(c);
            }
        }
        foreach (var cells in known.Values)
        {
            CloseOver(tables, cells);
        }
        return known.ToDictionary(kv => kv.Key, kv => kv.Value.Order().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds what follows from the known cells alone: the one unknown cell of an equation whose other cells are known,
    /// such as the total of a campus whose students all come from the key's region. That is the key's own students, so
    /// no finding of an audit, and no target its view must protect.
    /// </summary>
    private static void CloseOver(LinkedTables tables, HashSet<int> cells)
    {
        var pending = new Stack<int>(cells);
        while (pending.TryPop(out var cell))
        {
            foreach (var equation in tables.EquationsOf(cell).Select(e => tables.Equations[e]))
            {
                var unknown = equation.Parts.Append(equation.Total).Where(c => !cells.Contains(c)).Take(2).ToList();
                if (unknown is [var only] && cells.Add(only))
                {
                    pending.Push(only);
                }
            }
        }
    }

    /// <summary>
    /// A copy of <paramref name="mask"/> as the holder of a key that knows <paramref name="known"/> sees it: those
    /// cells shown, every other as published. The intruder audit run on it is the audit of that role.
    /// </summary>
    public static DisclosureMask AsSeenBy(DisclosureMask mask, IReadOnlyCollection<int> known)
    {
        var seen = new DisclosureMask(mask.Tables, mask.MinimumCount);
        var knownSet = known as ISet<int> ?? known.ToHashSet();
        foreach (var measure in new[] { Measure.Students, Measure.Reports })
        {
            for (var c = 0; c < mask.Tables.Count; c++)
            {
                seen.SetHidden(c, measure, mask.IsHidden(c, measure) && !knownSet.Contains(c));
            }
        }
        return seen;
    }
}
