using Microsoft.EntityFrameworkCore;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Geography;

/// <summary>The bundled 2025 geography, as loaded into PostGIS by the loader.</summary>
public sealed class GeographyLoadTests(PostGisFixture postGis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task There_Are_40_Rmc_Regions_In_2025_As_In_The_Source_Table()
    {
        await using var db = postGis.CreateDbContext();
        var sourceCodes = GeodataCsv.ReadColumn("rmc_regios_2025.csv", "rmc_code").ToHashSet();

        var codes = await db.RmcRegions.Where(r => r.ClassificationYear == 2025).Select(r => r.Code).ToListAsync(Ct);

        Assert.Equal(40, codes.Count);
        Assert.Equal(sourceCodes.Order(), codes.Order());
        Assert.DoesNotContain("MC14", codes); // split into MC40 and MC41 in 2025
    }

    [Fact]
    public async Task There_Are_342_Municipalities_Each_In_Exactly_One_Region_Spatially_Too()
    {
        await using var db = postGis.CreateDbContext();

        var municipalities = await db.Municipalities.CountAsync(m => m.ClassificationYear == 2025, Ct);
        // Each municipality's interior point must lie in exactly one region polygon: its own.
        var misplaced = await db.Database.SqlQuery<string>($"""
            select m.code as "Value" from municipalities m
            where m.classification_year = 2025 and (
                select count(*) from rmc_regions r where r.classification_year = 2025 and ST_Contains(r.geometry, ST_PointOnSurface(m.geometry))
            ) <> 1 or not exists (
                select 1 from rmc_regions r where r.classification_year = 2025 and r.code = m.rmc_code and ST_Contains(r.geometry, ST_PointOnSurface(m.geometry)))
            """).ToListAsync(Ct);

        Assert.Equal(342, municipalities);
        Assert.Empty(misplaced);
    }

    [Fact]
    public async Task The_Union_Of_Regions_Equals_The_Union_Of_Municipalities()
    {
        await using var db = postGis.CreateDbContext();

        var relativeDifference = await db.Database.SqlQuery<double>($"""
            select ST_Area(ST_SymDifference(
                (select ST_Union(geometry) from rmc_regions where classification_year = 2025),
                (select ST_Union(geometry) from municipalities where classification_year = 2025)))
              / (select ST_Area(ST_Union(geometry)) from municipalities where classification_year = 2025) as "Value"
            """).SingleAsync(Ct);

        Assert.True(relativeDifference < 0.0001, $"area difference {relativeDifference:P4}");
    }

    [Fact]
    public async Task Every_Pc4_Of_The_Lookup_Has_A_Region_Except_The_Ones_Reported_Unplaced()
    {
        await using var db = postGis.CreateDbContext();
        var lookup = GeodataCsv.ReadColumn("pc4_lookup_2025.csv", "pc4");

        var placed = await (
            from p in db.Pc4Areas where p.ClassificationYear == 2025
            join m in db.Municipalities on new { p.ClassificationYear, Code = p.MunicipalityCode! } equals new { m.ClassificationYear, m.Code }
            join r in db.RmcRegions on new { m.ClassificationYear, Code = m.RmcCode } equals new { r.ClassificationYear, r.Code }
            select p.Code).ToListAsync(Ct);
        var withoutRegion = lookup.Except(placed).Order().ToList();

        Assert.Equal(postGis.GeographyReport.Pc4Unplaced, withoutRegion);
        Assert.Equal(["5028"], withoutRegion); // empty polygon in the source and no addresses
    }

    [Fact]
    public void The_Loader_Reports_Pc4_Areas_Without_Geometry_Instead_Of_Dropping_Them()
    {
        var report = postGis.GeographyReport;

        Assert.Equal(["5028"], report.Pc4WithEmptyGeometry);
        Assert.Equal(["1364", "2236", "8269", "8323"], report.Pc4WithoutGeometry);
        Assert.Equal(GeodataCsv.ReadColumn("pc4_lookup_2025.csv", "pc4").Count, report.Pc4Areas);
    }

    [Theory]
    [InlineData("17WH10")]
    [InlineData("17WH12")]
    [InlineData("25GV11")]
    [InlineData("25RR01")]
    [InlineData("26TR01")]
    [InlineData("30LF01")]
    public async Task A_Campus_Whose_Point_Contradicts_Its_Postcode_Is_Placed_By_Its_Postcode(string brinVest)
    {
        await using var db = postGis.CreateDbContext();

        var placement = await db.CampusPlacements.SingleAsync(p => p.ClassificationYear == 2025 && p.BrinVest == brinVest, Ct);
        var postcodeMunicipality = await (
            from c in db.Campuses where c.BrinVest == brinVest
            join p in db.Pc4Areas.Where(p => p.ClassificationYear == 2025) on c.Postcode!.Substring(0, 4) equals p.Code
            select p.MunicipalityCode).SingleAsync(Ct);

        Assert.Equal(PlacementMethod.Postcode, placement.Method);
        Assert.Equal(postcodeMunicipality, placement.MunicipalityCode);
        Assert.Contains("placed by postcode", placement.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_Those_Six_Campuses_Are_Placed_By_Postcode_And_None_Is_Unplaced()
    {
        await using var db = postGis.CreateDbContext();

        var byMethod = await db.CampusPlacements.Where(p => p.ClassificationYear == 2025)
            .GroupBy(p => p.Method).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);

        Assert.Equal(6, byMethod[PlacementMethod.Postcode]);
        Assert.False(byMethod.ContainsKey(PlacementMethod.Unplaced));
        Assert.Equal(GeodataCsv.ReadColumn("mbo_locaties_kiesmbo_2025-02.csv", "brinvest").Count, byMethod.Values.Sum());
    }

    [Fact]
    public async Task Each_Contact_Municipality_Is_Assumed_To_Be_The_Most_Populous_Member()
    {
        await using var db = postGis.CreateDbContext();

        var wrong = await db.RmcRegions.Where(r => r.ClassificationYear == 2025)
            .Where(r => !r.ContactMunicipalityAssumed || r.ContactMunicipalityCode != db.Municipalities
                .Where(m => m.ClassificationYear == 2025 && m.RmcCode == r.Code)
                .OrderByDescending(m => m.Population).ThenBy(m => m.Code).Select(m => m.Code).First())
            .Select(r => r.Code).ToListAsync(Ct);

        Assert.Empty(wrong);
    }
}
