using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Verzuim.Hotspot.Api.Import;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Geography;

/// <summary>
/// Loads into a classification year of its own (a copy of the 2025 files named 2099), so the 2025 geography
/// the other tests read is never touched. In the counts collection: a load bumps the one data version, which tests
/// there compare.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed class GeographyReloadTests(PostGisFixture postGis) : IDisposable
{
    private const int Year = 2099;
    private readonly string _folder = Directory.CreateTempSubdirectory("geodata-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Contact_Municipality_From_The_Override_File_Is_Not_Assumed()
    {
        // Arrange: name the least populous member of MC40 as its contact municipality.
        CopyGeodataAs(Year);
        await using var db = postGis.CreateDbContext();
        var smallMember = await db.Municipalities.Where(m => m.ClassificationYear == 2025 && m.RmcCode == "MC40")
            .OrderBy(m => m.Population).Select(m => m.Code).FirstAsync(Ct);
        File.WriteAllText(Path.Combine(_folder, $"rmc_contactgemeenten_{Year}.csv"), $"rmc_code,contactgemeente_code\nMC40,{smallMember}\n");
        var loader = new GeographyLoader(postGis.DataSource, NullLogger<GeographyLoader>.Instance);

        // Act
        await loader.LoadAsync(new GeodataFiles(_folder, Year), Year, Ct);

        // Assert
        var regions = await db.RmcRegions.AsNoTracking().Where(r => r.ClassificationYear == Year).ToListAsync(Ct);
        var mc40 = regions.Single(r => r.Code == "MC40");
        Assert.Equal(smallMember, mc40.ContactMunicipalityCode);
        Assert.False(mc40.ContactMunicipalityAssumed);
        Assert.All(regions.Where(r => r.Code != "MC40"), r => Assert.True(r.ContactMunicipalityAssumed));
    }

    [Fact]
    public async Task A_Load_With_Inconsistent_Files_Fails_Whole_And_Keeps_The_Previous_Geography()
    {
        // Arrange: a good load first, then an override naming a municipality outside the region.
        CopyGeodataAs(Year);
        var loader = new GeographyLoader(postGis.DataSource, NullLogger<GeographyLoader>.Instance);
        await loader.LoadAsync(new GeodataFiles(_folder, Year), Year, Ct);
        await using var db = postGis.CreateDbContext();
        var before = await db.Pc4Areas.CountAsync(p => p.ClassificationYear == Year, Ct);
        File.WriteAllText(Path.Combine(_folder, $"rmc_contactgemeenten_{Year}.csv"), "rmc_code,contactgemeente_code\nMC21,GM0014\n");

        // Act
        var error = await Assert.ThrowsAsync<GeodataInconsistentException>(() => loader.LoadAsync(new GeodataFiles(_folder, Year), Year, Ct));

        // Assert
        Assert.Contains("contact municipality GM0014 is not a member of MC21", error.Problems);
        Assert.Equal(before, await db.Pc4Areas.CountAsync(p => p.ClassificationYear == Year, Ct));
        Assert.Equal(40, await db.RmcRegions.CountAsync(r => r.ClassificationYear == Year, Ct));
    }

    private void CopyGeodataAs(int year)
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Geodata))
        {
            var name = Path.GetFileName(file).Replace("2025", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            File.Copy(file, Path.Combine(_folder, name));
        }
    }

    public void Dispose()
    {
        using var db = postGis.CreateDbContext();
        db.Database.ExecuteSql($"delete from campus_placements where classification_year = {Year}");
        db.Database.ExecuteSql($"delete from pc4_areas where classification_year = {Year}");
        db.Database.ExecuteSql($"delete from geography_loads where classification_year = {Year}");
        db.Database.ExecuteSql($"delete from rmc_regions where classification_year = {Year}");
        Directory.Delete(_folder, recursive: true);
    }
}
