using Microsoft.EntityFrameworkCore;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Counts;

public sealed class NationalSyntheticImportTests(PostGisFixture postGis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_National_Synthetic_Set_Imports_About_Half_A_Million_Students_Per_Year_Labelled_Synthetic()
    {
        var summary = await postGis.National.EnsureLoadedAsync();

        await using var db = postGis.CreateDbContext();
        var perYear = await db.StudentCounts.Where(c => c.SchoolYear == NationalSyntheticData.Previous || c.SchoolYear == NationalSyntheticData.Latest)
            .GroupBy(c => c.SchoolYear).Select(g => new { g.Key, Students = g.Sum(c => (long)c.Students) }).ToDictionaryAsync(g => g.Key, g => g.Students, Ct);
        Assert.Equal(summary.Students, perYear.Values.Sum());
        Assert.All(perYear.Values, students => Assert.InRange(students, 450_000, 550_000));
        var datasets = await db.SchoolYearDatasets.Where(d => d.SchoolYear == NationalSyntheticData.Latest).SingleAsync(Ct);
        Assert.True(datasets.Synthetic);
        Assert.StartsWith("synthetic", datasets.Dataset, StringComparison.Ordinal);
        Assert.Equal(summary.Students, summary.PlacedPerRegion.Sum(r => r.Students) + summary.UnplacedStudents);
    }
}
