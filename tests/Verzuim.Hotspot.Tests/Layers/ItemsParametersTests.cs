using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Layers;

public sealed partial class ItemsParametersTests(ApiFactory api, PostGisFixture postGis) : IClassFixture<ApiFactory>
{
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private const string Epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private const string Rd = "http://www.opengis.net/def/crs/EPSG/0/28992";

    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(JsonElement Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct), response);
    }

    private static List<string> Ids(JsonElement collection) =>
        [.. collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];

    private static string? LinkHref(JsonElement document, string rel) =>
        document.GetProperty("links").EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == rel) is { ValueKind: JsonValueKind.Object } l
            ? l.GetProperty("href").GetString() : null;

    [Fact]
    public async Task Default_Limit_Is_100_And_NumberMatched_Is_The_Whole_Layer()
    {
        // Arrange
        var expected = await postGis.ScalarAsync<long>("select count(*) from pc4_areas where classification_year = 2025");

        // Act
        var (page, _) = await GetAsync("/collections/postcode-areas/items");

        // Assert
        Assert.Equal(expected, page.GetProperty("numberMatched").GetInt64());
        Assert.Equal(100, page.GetProperty("numberReturned").GetInt32());
        Assert.Equal(100, page.GetProperty("features").GetArrayLength());
        Assert.NotNull(LinkHref(page, "next"));
        Assert.Null(LinkHref(page, "prev"));
    }

    [Fact]
    public async Task Following_Next_Links_Yields_Every_Feature_Exactly_Once()
    {
        // Arrange
        var expected = await postGis.StringsAsync("select code from municipalities where classification_year = 2025 order by code");
        var seen = new List<string>();
        string? next = "/collections/municipalities/items?limit=37&properties=name&precision=3";
        var pages = 0;

        // Act
        while (next is not null)
        {
            var (page, _) = await GetAsync(new Uri(next, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(next).PathAndQuery : next);
            seen.AddRange(Ids(page));
            Assert.Equal(page.GetProperty("features").GetArrayLength(), page.GetProperty("numberReturned").GetInt32());
            if (pages++ > 0)
            {
                Assert.NotNull(LinkHref(page, "prev"));
            }
            next = LinkHref(page, "next");
        }

        // Assert
        Assert.Equal((expected.Count + 36) / 37, pages);
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Offset_Skips_Features_And_Limit_10000_Returns_The_Whole_Postcode_Layer()
    {
        var (all, _) = await GetAsync("/collections/postcode-areas/items?limit=10000&properties=pc4&simplify=500");
        var (skipped, _) = await GetAsync("/collections/postcode-areas/items?limit=5&offset=10&properties=pc4&simplify=500");

        Assert.Equal(all.GetProperty("numberMatched").GetInt64(), all.GetProperty("numberReturned").GetInt32());
        Assert.Equal(Ids(all).Skip(10).Take(5), Ids(skipped));
    }

    [Fact]
    public async Task Bbox_In_Crs84_Returns_The_Features_PostGis_Finds_Intersecting_It()
    {
        // Arrange: around Amsterdam
        var expected = await postGis.StringsAsync("""
            select code from municipalities
            where classification_year = 2025 and ST_Intersects(ST_Transform(geometry, 4326), ST_MakeEnvelope(4.85, 52.33, 4.95, 52.40, 4326))
            order by code
            """);

        // Act
        var (page, _) = await GetAsync("/collections/municipalities/items?bbox=4.85,52.33,4.95,52.40&properties=name");

        // Assert
        Assert.Contains("GM0363", expected);
        Assert.Equal(expected, Ids(page));
        Assert.Equal(expected.Count, page.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task Bbox_Crs_EPSG_4326_Is_Lat_Lon_And_EPSG_28992_Is_Metres()
    {
        // Arrange: Utrecht city in RD New metres, and a lon/lat box swapped into lat/lon order
        var expectedRd = await postGis.StringsAsync("""
            select code from municipalities
            where classification_year = 2025 and ST_Intersects(geometry, ST_MakeEnvelope(133000, 453000, 139000, 459000, 28992))
            order by code
            """);
        var (crs84, _) = await GetAsync("/collections/municipalities/items?bbox=5.0,52.0,5.2,52.1");

        // Act
        var (rd, _) = await GetAsync($"/collections/municipalities/items?bbox=133000,453000,139000,459000&bbox-crs={Rd}");
        var (latLon, _) = await GetAsync($"/collections/municipalities/items?bbox=52.0,5.0,52.1,5.2&bbox-crs={Epsg4326}");

        // Assert
        Assert.Contains("GM0344", expectedRd);
        Assert.Equal(expectedRd, Ids(rd));
        Assert.InRange(Ids(crs84).Count, 1, 20);
        Assert.Equal(Ids(crs84), Ids(latLon));
    }

    [Fact]
    public async Task A_Bbox_Around_The_World_Matches_Every_Municipality_And_One_Abroad_Matches_None()
    {
        // Arrange
        var all = await postGis.ScalarAsync<long>("select count(*) from municipalities where classification_year = 2025");

        // Act: RD New cannot project the far side of the world, so the box is clipped to the Netherlands first.
        var (world, _) = await GetAsync("/collections/municipalities/items?bbox=-180,-90,180,90&properties=name&limit=1");
        var (worldLatLon, _) = await GetAsync($"/collections/municipalities/items?bbox=-90,-180,90,180&bbox-crs={Epsg4326}&properties=name&limit=1");
        var (abroad, _) = await GetAsync("/collections/municipalities/items?bbox=100,0,110,10&properties=name");

        // Assert
        Assert.Equal(all, world.GetProperty("numberMatched").GetInt64());
        Assert.Equal(all, worldLatLon.GetProperty("numberMatched").GetInt64());
        Assert.Equal(0, abroad.GetProperty("numberMatched").GetInt64());
        Assert.Empty(Ids(abroad));
    }

    [Fact]
    public async Task Crs_28992_Matches_PostGis_Within_1_Metre_And_Crs84_Round_Trips()
    {
        // Arrange: the stored campus locations in RD New
        var stored = new Dictionary<string, (double X, double Y)>();
        await using (var command = postGis.DataSource.CreateCommand("select brin_vest, ST_X(location), ST_Y(location) from campuses where location is not null"))
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                stored[reader.GetString(0)] = (reader.GetDouble(1), reader.GetDouble(2));
            }
        }

        // Act
        var (rd, rdResponse) = await GetAsync($"/collections/campuses/items?limit=10000&crs={Rd}&properties=name");
        var (lonLat, lonLatResponse) = await GetAsync("/collections/campuses/items?limit=10000&properties=name&precision=9");

        // Assert: RD output is the stored point; CRS84 output projected back by PostGIS lands within 1 m of it.
        Assert.Equal($"<{Rd}>", string.Join("", rdResponse.Headers.GetValues("Content-Crs")));
        Assert.Equal($"<{Crs84}>", string.Join("", lonLatResponse.Headers.GetValues("Content-Crs")));
        foreach (var f in rd.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object))
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            var s = stored[f.GetProperty("id").GetString()!];
            Assert.True(Math.Abs(c[0].GetDouble() - s.X) < 1 && Math.Abs(c[1].GetDouble() - s.Y) < 1);
        }
        var sample = lonLat.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object).Take(25).ToList();
        Assert.NotEmpty(sample);
        foreach (var f in sample)
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            var distance = await postGis.ScalarAsync<double>(
                "select ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 4326), 28992), location) from campuses where brin_vest = @p2",
                c[0].GetDouble(), c[1].GetDouble(), f.GetProperty("id").GetString()!);
            Assert.InRange(distance, 0, 1);
        }
    }

    [Fact]
    public async Task Crs_EPSG_4326_Puts_Latitude_First()
    {
        var (latLon, response) = await GetAsync($"/collections/campuses/items?limit=50&crs={Epsg4326}&properties=name");
        var (lonLat, _) = await GetAsync("/collections/campuses/items?limit=50&properties=name");

        Assert.Equal($"<{Epsg4326}>", string.Join("", response.Headers.GetValues("Content-Crs")));
        var pairs = latLon.GetProperty("features").EnumerateArray().Zip(lonLat.GetProperty("features").EnumerateArray())
            .Where(p => p.First.GetProperty("geometry").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(pairs);
        foreach (var (a, b) in pairs)
        {
            var (ca, cb) = (a.GetProperty("geometry").GetProperty("coordinates"), b.GetProperty("geometry").GetProperty("coordinates"));
            Assert.InRange(ca[0].GetDouble(), 50.7, 53.6);
            Assert.Equal(cb[1].GetDouble(), ca[0].GetDouble(), 6);
            Assert.Equal(cb[0].GetDouble(), ca[1].GetDouble(), 6);
        }
    }

    [Fact]
    public async Task Properties_Returns_Only_The_Named_Properties()
    {
        var (page, _) = await GetAsync("/collections/municipalities/items?limit=5&properties=name,rmc");

        foreach (var f in page.GetProperty("features").EnumerateArray())
        {
            Assert.Equal(["name", "rmc"], f.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }
    }

    [GeneratedRegex(@"-?\d+\.(\d+)")]
    private static partial Regex Decimals();

    [Fact]
    public async Task Precision_Limits_The_Decimals_Of_Every_Coordinate()
    {
        var two = await _client.GetStringAsync("/collections/rmc-regions/items?limit=3&properties=rmc&precision=2", Ct);
        var full = await _client.GetStringAsync("/collections/rmc-regions/items?limit=3&properties=rmc&precision=8", Ct);

        static int MaxDecimals(string json) => JsonDocument.Parse(json).RootElement.GetProperty("features").EnumerateArray()
            .SelectMany(f => Decimals().Matches(f.GetProperty("geometry").GetRawText())).Max(m => m.Groups[1].Length);
        Assert.Equal(2, MaxDecimals(two));
        Assert.True(MaxDecimals(full) > 2);
    }

    private static int Vertices(JsonElement page) =>
        page.GetProperty("features").EnumerateArray().Sum(f => Decimals().Count(f.GetProperty("geometry").GetRawText()) / 2);

    [Fact]
    public async Task Simplify_In_Metres_And_Zoom_Reduce_The_Vertex_Count()
    {
        var (full, _) = await GetAsync("/collections/rmc-regions/items?properties=rmc");
        var (metres, _) = await GetAsync("/collections/rmc-regions/items?properties=rmc&simplify=1000");
        var (zoom5, _) = await GetAsync("/collections/rmc-regions/items?properties=rmc&zoom=5");
        var (zoom12, _) = await GetAsync("/collections/rmc-regions/items?properties=rmc&zoom=12");

        Assert.True(Vertices(metres) < Vertices(full) / 4);
        Assert.True(Vertices(zoom5) < Vertices(zoom12));
        Assert.True(Vertices(zoom12) <= Vertices(full));
        Assert.Equal(Ids(full), Ids(metres));
    }

    [Fact]
    public async Task Polygons_Follow_The_Right_Hand_Rule()
    {
        var (page, _) = await GetAsync("/collections/municipalities/items?limit=1000&properties=name&simplify=200");

        Assert.All(page.GetProperty("features").EnumerateArray(), f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        foreach (var polygon in page.GetProperty("features").EnumerateArray().SelectMany(f => f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()))
        {
            var rings = polygon.EnumerateArray().ToList();
            Assert.True(SignedArea(rings[0]) > 0, "exterior rings are counterclockwise");
            Assert.All(rings.Skip(1), hole => Assert.True(SignedArea(hole) < 0, "holes are clockwise"));
        }
    }

    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        return points.Zip(points.Skip(1)).Sum(p => (p.First.X * p.Second.Y) - (p.Second.X * p.First.Y)) / 2;
    }

    [Fact]
    public async Task Equality_Filters_Select_By_Rmc_And_Brin()
    {
        // Arrange
        var brin = (await postGis.StringsAsync("select brin from campuses group by brin order by count(*) desc, brin limit 1"))[0];
        var rmcMunicipalities = await postGis.StringsAsync("select code from municipalities where classification_year = 2025 and rmc_code = 'MC21' order by code");
        var brinCampuses = await postGis.StringsAsync("select brin_vest from campuses where brin = @p0 order by brin_vest", brin);

        // Act
        var (byRmc, _) = await GetAsync("/collections/municipalities/items?rmc=MC21&properties=rmc");
        var (byBrin, _) = await GetAsync($"/collections/campuses/items?brin={brin}&properties=brin");

        // Assert
        Assert.Equal(rmcMunicipalities, Ids(byRmc));
        Assert.Equal(brinCampuses, Ids(byBrin));
        Assert.True(brinCampuses.Count > 1);
    }

    public static TheoryData<string, string> BadParameters => new()
    {
        { "bbox=1,2,3", "bbox" },
        { "bbox=5,53,4,52", "bbox" },
        { "bbox=a,b,c,d", "bbox" },
        { "bbox=0,0,200,10", "bbox" },
        { "bbox-crs=EPSG:3857&bbox=1,2,3,4", "bbox-crs" },
        { "limit=0", "limit" },
        { "limit=10001", "limit" },
        { "limit=ten", "limit" },
        { "offset=-1", "offset" },
        { "crs=EPSG:3857", "crs" },
        { "crs=http://www.opengis.net/def/crs/EPSG/0/9999", "crs" },
        { "properties=nope", "properties" },
        { "precision=16", "precision" },
        { "simplify=-1", "simplify" },
        { "zoom=30", "zoom" },
        { "simplify=10&zoom=5", "simplify" },
        { "schoolYear=2024", "schoolYear" },
        { "ageBand=old", "ageBand" },
        { "f=html", "f" },
        { "colour=red", "colour" },
        { "population=5", "population" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Invalid_Parameters_Give_400_Problem_Naming_The_Parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/collections/municipalities/items?" + query, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_Well_Formed_School_Year_Without_Counts_Gives_404_Problem()
    {
        var response = await _client.GetAsync("/collections/municipalities/items?schoolYear=1990-1991", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
