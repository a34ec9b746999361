using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Counts;

[Collection(CountsCollection.Name)]
public sealed class CountsImporterTests(PostGisFixture postGis) : IAsyncLifetime
{
    private const string YearA = "2030-2031";
    private const string YearB = "2031-2032";
    private CountsTestData _data = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _data = await CountsTestData.LoadAsync(postGis);
        await CountsTestData.DeleteSchoolYearsAsync(postGis, YearA, YearB);
    }

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, YearA, YearB);

    private CountsImporter Importer() => new(postGis.DataSource, Options.Create(new GeographyOptions()));

    [Fact]
    public async Task A_Good_File_Round_Trips_Exactly_Per_School_Year_Age_Band_And_Campus()
    {
        // Arrange: two school years, PC4 and PC6 postcodes, repeated keys to be summed.
        var rows = _data.Rows(YearA, 3000, seed: 1).Concat(_data.Rows(YearB, 2000, seed: 2)).ToList();
        var expected = rows.GroupBy(r => (r.SchoolYear, r.AgeBand, r.BrinVest))
            .ToDictionary(g => g.Key, g => (Students: g.Sum(r => r.Students), Reports: g.Sum(r => r.Reports)));
        var distinctKeys = rows.Select(r => (r.SchoolYear, r.BrinVest, Pc4: r.Postcode[..4], r.AgeBand)).Distinct().Count();

        // Act
        var outcome = await Importer().ImportAsync(CountsTestData.Stream(CountsTestData.Csv(rows)), "test", synthetic: false, null, Ct);

        // Assert
        Assert.True(outcome.Succeeded);
        var summary = outcome.Summary!;
        Assert.Equal(rows.Count, summary.RowsRead);
        Assert.Equal(rows.Count - distinctKeys, summary.DuplicatesSummed);
        Assert.Equal(rows.Sum(r => r.Students), summary.Students);
        Assert.Equal(rows.Sum(r => (long)r.Reports), summary.AbsenceReports);
        Assert.Equal(summary.Students, summary.PlacedPerRegion.Sum(r => r.Students) + summary.UnplacedStudents);
        Assert.Equal([new ImportedSchoolYear(YearA, false), new ImportedSchoolYear(YearB, false)], summary.SchoolYears);
        await using var db = postGis.CreateDbContext();
        var stored = await db.StudentCounts.Where(c => c.SchoolYear == YearA || c.SchoolYear == YearB)
            .GroupBy(c => new { c.SchoolYear, c.AgeBand, c.BrinVest })
            .Select(g => new { g.Key.SchoolYear, g.Key.AgeBand, g.Key.BrinVest, Students = g.Sum(c => c.Students), Reports = g.Sum(c => c.AbsenceReports) })
            .ToListAsync(Ct);
        Assert.Equal(expected.Count, stored.Count);
        Assert.All(stored, s => Assert.Equal(expected[(s.SchoolYear, s.AgeBand, s.BrinVest)], (s.Students, s.Reports)));
        Assert.Equal(distinctKeys, await db.StudentCounts.CountAsync(c => c.SchoolYear == YearA || c.SchoolYear == YearB, Ct));
    }

    [Fact]
    public async Task Header_Case_Column_Order_Semicolons_Aliases_And_A_Bom_Are_Accepted()
    {
        var campus = _data.Campuses[0];
        var csv = $"AGE_BAND;Students;postcode;School_Year;absence_reports;vestiging;brin;students_reported\n" +
                  $"18+;10;{_data.Pc4s[0]}AB;{YearA};3;{campus[4..]};{campus[..4].ToLowerInvariant()};2\n" +
                  $"<18;5;{_data.Pc4s[1]};{YearA};0;{campus[4..]};{campus[..4]};\n";

        var outcome = await Importer().ImportAsync(CountsTestData.Stream(csv, bom: true), "test", false, null, Ct);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Validation.Details.Select(d => d.Key + ": " + string.Join(", ", d.Value))));
        await using var db = postGis.CreateDbContext();
        var stored = await db.StudentCounts.Where(c => c.SchoolYear == YearA).OrderBy(c => c.AgeBand).ToListAsync(Ct);
        Assert.Equal(["18plus", "under18"], stored.Select(s => s.AgeBand));
        Assert.Equal([2, (int?)null], stored.Select(s => s.StudentsReported));
    }

    [Fact]
    public async Task A_File_With_Five_Kinds_Of_Bad_Rows_Reports_All_Five_And_Changes_Nothing()
    {
        // Arrange: existing data for the same school year, then a file with one good row and five bad ones.
        await Importer().ImportAsync(CountsTestData.Stream(CountsTestData.Csv(_data.Rows(YearA, 100, seed: 3))), "before", false, null, Ct);
        await using var db = postGis.CreateDbContext();
        var before = await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => c.Students, Ct);
        var (campus, pc4) = (_data.Campuses[0], _data.Pc4s[0]);
        var csv = "school_year,brin,vestiging,postcode,age_band,students,absence_reports\n" +
                  $"{YearA},{campus[..4]},{campus[4..]},{pc4},18plus,10,1\n" +   // line 2: good
                  $"2030-2032,{campus[..4]},{campus[4..]},{pc4},18plus,10,1\n" + // line 3: school year
                  $"{YearA},99ZZ,01,{pc4},18plus,10,1\n" +                       // line 4: unknown campus
                  $"{YearA},{campus[..4]},{campus[4..]},12AB,18plus,10,1\n" +    // line 5: malformed postcode
                  $"{YearA},{campus[..4]},{campus[4..]},{pc4},adult,10,1\n" +    // line 6: age band
                  $"{YearA},{campus[..4]},{campus[4..]},{pc4},18plus,-3,1\n";    // line 7: negative count

        // Act
        var outcome = await Importer().ImportAsync(CountsTestData.Stream(csv), "after", false, null, Ct);

        // Assert
        Assert.False(outcome.Succeeded);
        var details = outcome.Validation.Details;
        Assert.Equal(["row 3", "row 4", "row 5", "row 6", "row 7"], details.Keys);
        Assert.StartsWith("school_year:", details["row 3"].Single(), StringComparison.Ordinal);
        Assert.Contains("99ZZ01 is not known", details["row 4"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("postcode:", details["row 5"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("age_band:", details["row 6"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("students:", details["row 7"].Single(), StringComparison.Ordinal);
        Assert.Equal(before, await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => c.Students, Ct));
        Assert.Equal("before", await db.SchoolYearDatasets.Where(d => d.SchoolYear == YearA).Select(d => d.Dataset).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_Missing_Column_Is_A_File_Error()
    {
        var outcome = await Importer().ImportAsync(CountsTestData.Stream("school_year,brin,postcode\n2030-2031,25LX,1012\n"), "x", false, null, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains("vestiging", outcome.Validation.Details["file"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Well_Formed_Postcode_The_Geography_Does_Not_Know_Is_Kept_And_Counted_Unplaced()
    {
        var campus = _data.Campuses[0];
        var csv = "school_year,brin,vestiging,postcode,age_band,students,absence_reports\n" +
                  $"{YearA},{campus[..4]},{campus[4..]},1000AA,18plus,7,2\n" +
                  $"{YearA},{campus[..4]},{campus[4..]},{_data.Pc4s[0]},18plus,5,1\n";

        var summary = (await Importer().ImportAsync(CountsTestData.Stream(csv), "x", false, null, Ct)).Summary!;

        Assert.Equal(12, summary.Students);
        Assert.Equal(7, summary.UnplacedStudents);
        Assert.Equal([new UnplacedPostcode("1000", 7, 2)], summary.Unplaced);
        Assert.Equal(5, summary.PlacedPerRegion.Sum(r => r.Students));
    }

    [Fact]
    public async Task A_Reimport_Replaces_Only_Its_Own_School_Years()
    {
        // Arrange
        var importer = Importer();
        await importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(_data.Rows(YearA, 500, 4).Concat(_data.Rows(YearB, 500, 5)))), "first", false, null, Ct);
        await using var db = postGis.CreateDbContext();
        var yearABefore = await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => c.Students, Ct);
        var newYearB = _data.Rows(YearB, 200, 6);

        // Act
        var summary = (await importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(newYearB)), "second", true, null, Ct)).Summary!;

        // Assert
        Assert.Equal([new ImportedSchoolYear(YearB, true)], summary.SchoolYears);
        Assert.Equal(yearABefore, await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => c.Students, Ct));
        Assert.Equal(newYearB.Sum(r => r.Students), await db.StudentCounts.Where(c => c.SchoolYear == YearB).SumAsync(c => c.Students, Ct));
        var datasets = await db.SchoolYearDatasets.Where(d => d.SchoolYear == YearA || d.SchoolYear == YearB).OrderBy(d => d.SchoolYear).ToListAsync(Ct);
        Assert.Equal([("first", false), ("second", true)], datasets.Select(d => (d.Dataset, d.Synthetic)));
    }

    [Fact]
    public async Task Readers_During_An_Import_See_The_Old_Or_The_New_Data_Never_A_Mix()
    {
        // Arrange: old data, and a large replacement with a different total.
        var importer = Importer();
        var old = _data.Rows(YearA, 1000, 7);
        await importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(old)), "old", false, null, Ct);
        var replacement = _data.Rows(YearA, 150_000, 8);
        var (oldTotal, newTotal) = (old.Sum(r => (long)r.Students), replacement.Sum(r => (long)r.Students));
        Assert.NotEqual(oldTotal, newTotal);

        // Act: read the total over and over while the import runs.
        var import = importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(replacement)), "new", false, null, Ct);
        var seen = new List<long>();
        await using var db = postGis.CreateDbContext();
        while (!import.IsCompleted)
        {
            seen.Add(await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => (long)c.Students, Ct));
        }
        await import;
        seen.Add(await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => (long)c.Students, Ct));

        // Assert
        Assert.True(seen.Count > 3, "the reader should have looked several times during the import");
        Assert.All(seen, total => Assert.True(total == oldTotal || total == newTotal, $"saw {total}"));
        Assert.Equal(newTotal, seen[^1]);
    }

    [Fact]
    public async Task A_Reimport_Does_Not_Wait_For_A_Reader_Still_In_Its_Transaction()
    {
        // Arrange: the year exists, and a reader holds its lock on the counts in an open transaction, as a long
        // computation does. A lock readers conflict with would make the import wait for it, and new readers queue behind.
        var importer = Importer();
        await importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(_data.Rows(YearA, 500, 11))), "old", false, null, Ct);
        await using var reader = await postGis.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await reader.BeginTransactionAsync(Ct);
        await using (var read = new Npgsql.NpgsqlCommand("select count(*) from student_counts", reader, transaction))
        {
            await read.ExecuteScalarAsync(Ct);
        }
        var replacement = _data.Rows(YearA, 500, 12);

        // Act
        var import = importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(replacement)), "new", false, null, Ct);
        var finished = await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(60), Ct)) == import;

        // Assert
        await transaction.RollbackAsync(Ct);
        Assert.True(finished, "the re-import waited for the open reader");
        Assert.Equal(replacement.Sum(r => (long)r.Students), (await import).Summary!.Students);
    }

    [Fact]
    public async Task An_Import_Killed_Midway_Leaves_The_Previous_Data_Untouched()
    {
        // Arrange
        var importer = Importer();
        var old = _data.Rows(YearA, 1000, 9);
        await importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(old)), "old", false, null, Ct);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SynchronousProgress(rows => { if (rows >= 50_000) { kill.Cancel(); } });

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(_data.Rows(YearA, 120_000, 10))), "killed", false, progress, kill.Token));

        // Assert
        await using var db = postGis.CreateDbContext();
        Assert.Equal(old.Sum(r => r.Students), await db.StudentCounts.Where(c => c.SchoolYear == YearA).SumAsync(c => c.Students, Ct));
        Assert.Equal("old", await db.SchoolYearDatasets.Where(d => d.SchoolYear == YearA).Select(d => d.Dataset).SingleAsync(Ct));
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
