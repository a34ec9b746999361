namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>What secondary suppression cost in one table and band: students and cells hidden only to protect others.</summary>
internal sealed record InformationLoss(string Table, string Band, long Students, long SecondaryStudents, int SecondaryCells,
    long LargestSecondaryCell, int PrimaryCells)
{
    public double SecondaryShare => Students > 0 ? (double)SecondaryStudents / Students : 0;

    public static IReadOnlyList<InformationLoss> Of(DisclosureMask mask)
    {
        var tables = mask.Tables;
        return [.. Enumerable.Range(0, tables.Count)
            .GroupBy(c => (tables.Keys[c].Table, tables.Keys[c].Band))
            .Select(g => new InformationLoss(g.Key.Table, g.Key.Band,
                g.Sum(tables.Students),
                g.Where(mask.IsSecondary).Sum(tables.Students),
                g.Count(mask.IsSecondary),
                g.Where(mask.IsSecondary).Select(tables.Students).DefaultIfEmpty(0).Max(),
                g.Count(mask.IsPrimary)))
            .OrderBy(l => DisclosureTables.All.ToList().IndexOf(l.Table)).ThenBy(l => l.Band, StringComparer.Ordinal)];
    }
}
