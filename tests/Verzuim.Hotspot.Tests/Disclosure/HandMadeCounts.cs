using Verzuim.Hotspot.Api.Disclosure;

namespace Verzuim.Hotspot.Tests.Disclosure;

/// <summary>
/// A small hand-made school year: three regions with one municipality and two PC4s each, institution A with campuses
/// A01 and A02, institution B with B01, both age bands. Every count is large except the simplest case: in
/// region R1, campus A01 has 3 students under 18 and 5 of 18 plus (all = 8), all from PC4 1001.
/// </summary>
internal static class HandMadeCounts
{
    public static IReadOnlyList<ResidenceCount> Rows()
    {
        var rows = new List<ResidenceCount>();
        var campuses = new[] { ("A01", "AAAA"), ("A02", "AAAA"), ("B01", "BBBB") };
        for (var r = 1; r <= 3; r++)
        {
            foreach (var pc4 in new[] { $"{r}001", $"{r}002" })
            {
                for (var c = 0; c < campuses.Length; c++)
                {
                    var (campus, institution) = campuses[c];
                    foreach (var (band, offset) in new[] { ("under18", 0), ("18plus", 7) })
                    {
                        var students = 20L + 10 * r + 5 * c + offset;
                        if (r == 1 && campus == "A01")
                        {
                            // The small cell: only PC4 1001 sends A01 students from R1.
                            students = pc4 == "1001" ? (band == "under18" ? 3 : 5) : 0;
                        }
                        rows.Add(new ResidenceCount(pc4, $"GM000{r}", $"R{r}", campus, institution, band, students, students > 5 ? 10 : 0));
                    }
                }
            }
        }
        return rows;
    }

    public static LinkedTables Tables() => LinkedTablesBuilder.Build(Rows());
}
