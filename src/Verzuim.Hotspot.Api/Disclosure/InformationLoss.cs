namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// What secondary suppression cost in one table and band: students and cells whose students are hidden only to protect
/// others. Cells whose reports alone are hidden keep their students, so they cost no students.
/// </summary>
internal sealed record InformationLoss(string Table, string Band, long Students, long SecondaryStudents, int SecondaryCells,
    long LargestSecondaryCell, int PrimaryCells)
{
    public double SecondaryShare => Students > 0 ? (double)SecondaryStudents / Students : 0;

    public static IReadOnlyList<InformationLoss> Of(DisclosureMask mask)
    {
        var tables = mask.Tables;
        bool Secondary(int c) => mask.IsSecondary(c, Measure.Students);
        return [.. Enumerable.Range(0, tables.Count)
            .GroupBy(c => (tables.Keys[c].Table, tables.Keys[c].Band))
            .Select(g => new InformationLoss(g.Key.Table, g.Key.Band,
                g.Sum(tables.Students),
                g.Where(Secondary).Sum(tables.Students),
                g.Count(Secondary),
                g.Where(Secondary).Select(tables.Students).DefaultIfEmpty(0).Max(),
                g.Count(c => mask.IsPrimary(c, Measure.Students))))
            .OrderBy(l => DisclosureTables.All.ToList().IndexOf(l.Table)).ThenBy(l => l.Band, StringComparer.Ordinal)];
    }
}
