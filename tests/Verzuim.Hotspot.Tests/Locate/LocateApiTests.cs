using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Verzuim.Hotspot.Api.Locate;
using Verzuim.Hotspot.Tests.Infrastructure;
using Verzuim.Hotspot.Tests.Layers;

namespace Verzuim.Hotspot.Tests.Locate;

public sealed class LocateApiTests(ApiFactory api, PostGisFixture postGis) : IClassFixture<ApiFactory>
{
    private const double DamLon = 4.8932;
    private const double DamLat = 52.3731;

    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> LocateAsync(string query)
    {
        var response = await _client.GetAsync("/locate?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_Dam_In_Amsterdam_Lies_In_1012_Amsterdam_And_MC21()
    {
        // Act
        var body = await LocateAsync(Inv($"lon={DamLon}&lat={DamLat}"));

        // Assert
        Assert.Equal("1012", body.GetProperty("pc4").GetString());
        Assert.Equal("GM0363", body.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal("Amsterdam", body.GetProperty("municipality").GetProperty("name").GetString());
        Assert.Equal("MC21", body.GetProperty("rmcRegion").GetProperty("code").GetString());
        Assert.Equal(PostGisFixture.Year, body.GetProperty("classificationYear").GetInt32());
        var point = body.GetProperty("point");
        Assert.Equal(DamLon, point.GetProperty("lon").GetDouble(), 6);
        Assert.Equal(DamLat, point.GetProperty("lat").GetDouble(), 6);
        Assert.InRange(point.GetProperty("x").GetDouble(), 121_000, 122_000);
        Assert.InRange(point.GetProperty("y").GetDouble(), 487_000, 488_000);
    }

    [Fact]
    public async Task The_Point_Answered_In_RD_Is_Where_PostGis_Puts_The_Lon_Lat_Within_1_Metre()
    {
        // Arrange
        var distance = "select ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 4326), 28992), ST_SetSRID(ST_MakePoint(@p2, @p3), 28992))";

        // Act
        var point = (await LocateAsync(Inv($"lon={DamLon}&lat={DamLat}"))).GetProperty("point");

        // Assert
        Assert.InRange(await postGis.ScalarAsync<double>(distance, DamLon, DamLat,
            point.GetProperty("x").GetDouble(), point.GetProperty("y").GetDouble()), 0, 1);
    }

    [Fact]
    public async Task RD_Metres_CRS84_And_EPSG_4326_In_Lat_Lon_Order_Find_The_Same_Areas_As_Lon_Lat()
    {
        // Arrange
        var lonLat = await LocateAsync(Inv($"lon={DamLon}&lat={DamLat}"));
        var (x, y) = (lonLat.GetProperty("point").GetProperty("x").GetDouble(), lonLat.GetProperty("point").GetProperty("y").GetDouble());

        // Act
        var rd = await LocateAsync(Inv($"x={x}&y={y}"));
        var rdUri = await LocateAsync(Inv($"x={x}&y={y}&crs=http://www.opengis.net/def/crs/EPSG/0/28992"));
        var crs84 = await LocateAsync(Inv($"x={DamLon}&y={DamLat}&crs=OGC:CRS84"));
        var epsg4326 = await LocateAsync(Inv($"x={DamLat}&y={DamLon}&crs=EPSG:4326"));

        // Assert
        foreach (var other in new[] { rd, rdUri, crs84, epsg4326 })
        {
            Assert.Equal("1012", other.GetProperty("pc4").GetString());
            Assert.Equal("GM0363", other.GetProperty("municipality").GetProperty("code").GetString());
            Assert.Equal("MC21", other.GetProperty("rmcRegion").GetProperty("code").GetString());
            Assert.Equal(DamLon, other.GetProperty("point").GetProperty("lon").GetDouble(), 5);
            Assert.Equal(DamLat, other.GetProperty("point").GetProperty("lat").GetDouble(), 5);
        }
    }

    [Fact]
    public async Task Points_Well_Inside_Postcode_Areas_Give_The_Areas_PostGis_Finds_There()
    {
        // Arrange: a point inside every 150th PC4 polygon, at least 5 m from its edge, as lon/lat by PostGIS.
        var sample = new List<(string Pc4, double Lon, double Lat, string Municipality, string Rmc)>();
        await using (var command = postGis.DataSource.CreateCommand("""
            with p as (
                select code, ST_PointOnSurface(geometry) as pt, geometry, row_number() over (order by code) as n
                from pc4_areas where classification_year = 2025 and geometry is not null)
            select p.code, ST_X(ST_Transform(p.pt, 4326)), ST_Y(ST_Transform(p.pt, 4326)), m.code, m.rmc_code
            from p join lateral (select code, rmc_code from municipalities m
                                 where m.classification_year = 2025 and ST_Covers(m.geometry, p.pt) order by code limit 1) m on true
            where p.n % 150 = 0 and ST_Distance(p.pt, ST_Boundary(p.geometry)) > 5
            order by p.code
            """))
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                sample.Add((reader.GetString(0).Trim(), reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3), reader.GetString(4)));
            }
        }
        Assert.True(sample.Count >= 10, $"Only {sample.Count} sample points.");

        foreach (var (pc4, lon, lat, municipality, rmc) in sample)
        {
            // Act
            var body = await LocateAsync(Inv($"lon={lon:R}&lat={lat:R}"));

            // Assert
            Assert.Equal(pc4, body.GetProperty("pc4").GetString());
            Assert.Equal(municipality, body.GetProperty("municipality").GetProperty("code").GetString());
            Assert.Equal(rmc, body.GetProperty("rmcRegion").GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("lon=3.5&lat=52.8", "North Sea")]
    [InlineData("lon=4.3517&lat=50.8503", "Brussels")]
    [InlineData("lon=-74.006&lat=40.7128", "New York")]
    [InlineData("x=10000&y=600000", "North Sea in RD")]
    public async Task A_Point_In_No_Municipality_Gives_404_Problem(string query, string where)
    {
        var response = await _client.GetAsync("/locate?" + query, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{where}: {response.StatusCode}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No municipality", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Classification_Year_That_Is_Not_Loaded_Gives_404_Problem()
    {
        var response = await _client.GetAsync(Inv($"/locate?lon={DamLon}&lat={DamLat}&year=2019"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("2019", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "", "lon" },
        { "lon=4.9", "lat" },
        { "lat=52.3", "lon" },
        { "lon=abc&lat=52.3", "lon" },
        { "lon=4,9&lat=52.3", "lon" },
        { "lon=NaN&lat=52.3", "lon" },
        { "lon=181&lat=52.3", "lon" },
        { "lon=4.9&lat=-91", "lat" },
        { "lon=4.9&lat=52.3&x=121000", "lon" },
        { "lon=4.9&lat=52.3&crs=EPSG:28992", "crs" },
        { "x=121000", "y" },
        { "x=121000&y=487000&crs=EPSG:3857", "crs" },
        { "x=500000&y=487000", "x" },
        { "x=121000&y=100", "y" },
        { "x=4.9&y=95&crs=OGC:CRS84", "y" },
        { "x=95&y=4.9&crs=EPSG:4326", "x" },
        { "lon=4.9&lat=52.3&year=20x5", "year" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_Or_Missing_Coordinates_Give_400_Problem_Naming_The_Parameter(string query, string parameter)
    {
        // Act
        var response = await _client.GetAsync("/locate?" + query, Ct);

        // Assert
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty(parameter)[0].GetString()));
        Assert.Contains(parameter, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Lookups_Run_As_ST_Covers_On_The_Stored_RD_Geometry()
    {
        // Arrange
        using var db = postGis.CreateDbContext();
        var point = new Point(121_000, 487_000) { SRID = 28992 };

        // Act
        var sql = LocateApi.AreasAt(db, PostGisFixture.Year, point).ToQueryString();

        // Assert: the stored columns are tested directly, so their GiST indexes serve; nothing is transformed in SQL.
        Assert.Contains("ST_Covers(m.geometry", sql, StringComparison.Ordinal);
        Assert.Contains("ST_Covers(p.geometry", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ST_Transform", sql, StringComparison.Ordinal);
    }
}
