using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Counts;

/// <summary>Real campuses and postcodes from the loaded geography, and counts files built from them.</summary>
internal sealed class CountsTestData
{
    public required IReadOnlyList<string> Campuses { get; init; }
    public required IReadOnlyList<string> Pc4s { get; init; }

    public static async Task<CountsTestData> LoadAsync(PostGisFixture postGis)
    {
        await using var db = postGis.CreateDbContext();
        return new CountsTestData
        {
            Campuses = await db.Campuses.OrderBy(c => c.BrinVest).Select(c => c.BrinVest).Take(40).ToListAsync(),
            Pc4s = await db.Pc4Areas.Where(p => p.ClassificationYear == 2025 && p.MunicipalityCode != null)
                .OrderBy(p => p.Code).Select(p => p.Code).Take(300).ToListAsync(),
        };
    }

    public sealed record Row(string SchoolYear, string BrinVest, string Postcode, string AgeBand, int Students, int Reports);

    /// <summary>Deterministic rows: every n-th row repeats an earlier key (to be summed), postcodes alternate PC4 and PC6.</summary>
    public List<Row> Rows(string schoolYear, int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var pc4 = Pc4s[random.Next(Pc4s.Count)];
            var postcode = (i % 3) switch { 0 => pc4, 1 => pc4 + "AB", _ => pc4 + " xz" };
            rows.Add(new Row(schoolYear, Campuses[random.Next(Campuses.Count)], postcode,
                random.Next(2) == 0 ? "under18" : "18plus", random.Next(1, 40), random.Next(0, 12)));
        }
        return rows;
    }

    public static string Csv(IEnumerable<Row> rows, char delimiter = ',')
    {
        var text = new StringBuilder();
        text.Append(string.Join(delimiter, "school_year", "brin", "vestiging", "postcode", "age_band", "students", "absence_reports")).Append('\n');
        foreach (var r in rows)
        {
            text.Append(string.Join(delimiter, r.SchoolYear, r.BrinVest[..4], r.BrinVest[4..], r.Postcode, r.AgeBand,
                r.Students.ToString(CultureInfo.InvariantCulture), r.Reports.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }
        return text.ToString();
    }

    public static MemoryStream Stream(string csv, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(csv)]);

    public static async Task DeleteSchoolYearsAsync(PostGisFixture postGis, params string[] schoolYears)
    {
        await using var db = postGis.CreateDbContext();
        foreach (var year in schoolYears)
        {
            await db.Database.ExecuteSqlAsync($"delete from student_counts where school_year = {year}");
            await db.Database.ExecuteSqlAsync($"delete from school_year_datasets where school_year = {year}");
        }
    }
}
