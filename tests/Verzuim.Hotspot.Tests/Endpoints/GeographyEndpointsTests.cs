using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Endpoints;

public sealed class GeographyEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Health_Live_And_Ready_Answer_200_When_The_Geography_Is_Loaded()
    {
        var live = await GetJsonAsync("/health/live");
        var ready = await GetJsonAsync("/health/ready");

        Assert.Equal("live", live.GetProperty("status").GetString());
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(40, ready.GetProperty("rmcRegions").GetInt32());
    }

    [Theory]
    [InlineData("1012AB")]
    [InlineData("1012 ab")]
    [InlineData(" 1012ab ")]
    [InlineData("1012")]
    public async Task A_Postcode_In_Amsterdam_Gives_GM0363_In_MC21(string postcode)
    {
        var body = await GetJsonAsync("/postcodes/" + Uri.EscapeDataString(postcode));

        Assert.Equal("1012", body.GetProperty("pc4").GetString());
        Assert.Equal("GM0363", body.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal("Amsterdam", body.GetProperty("municipality").GetProperty("name").GetString());
        Assert.Equal("MC21", body.GetProperty("rmcRegion").GetProperty("code").GetString());
        Assert.Equal("Addresses", body.GetProperty("placement").GetProperty("method").GetString());
        Assert.Equal(postcode.Trim().Length > 4, body.GetProperty("reducedToPc4").GetBoolean());
    }

    [Fact]
    public async Task A_Well_Formed_Postcode_That_No_Source_Knows_Gives_404_Problem()
    {
        // 9999 is a real PC4 (Het Hogeland), so take the highest PC4 that no source knows.
        var known = GeodataCsv.ReadColumn("pc4_lookup_2025.csv", "pc4").ToHashSet();
        var unknown = Enumerable.Range(1000, 9000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Last(pc4 => !known.Contains(pc4));

        var response = await _client.GetAsync($"/postcodes/{unknown}ZZ", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(unknown, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("0123AB")]
    [InlineData("1012ABC")]
    [InlineData("abcd")]
    public async Task A_Malformed_Postcode_Gives_400_Problem_Naming_The_Parameter(string postcode)
    {
        var response = await _client.GetAsync("/postcodes/" + postcode, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("postcode", out _));
    }

    [Fact]
    public async Task An_Unplaced_Postcode_Is_Shown_As_Unplaced_Not_Hidden()
    {
        var body = await GetJsonAsync("/postcodes/5028");

        Assert.Equal("Unplaced", body.GetProperty("placement").GetProperty("method").GetString());
        Assert.False(body.TryGetProperty("rmcRegion", out _));
        Assert.False(body.GetProperty("hasGeometry").GetBoolean());
    }

    [Fact]
    public async Task The_Region_List_Has_40_Regions_With_Their_Contact_Municipality()
    {
        var body = await GetJsonAsync("/rmc-regions");

        Assert.Equal(40, body.GetArrayLength());
        Assert.Equal(342, body.EnumerateArray().Sum(r => r.GetProperty("municipalityCount").GetInt32()));
        Assert.All(body.EnumerateArray(), r => Assert.True(r.GetProperty("contactMunicipality").GetProperty("assumed").GetBoolean()));
    }

    [Fact]
    public async Task A_Region_Lists_Its_Members_And_Says_Its_Contact_Municipality_Is_Assumed()
    {
        var body = await GetJsonAsync("/rmc-regions/mc21");

        Assert.Equal("MC21", body.GetProperty("code").GetString());
        var members = body.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        Assert.Contains("GM0363", members);
        var contact = body.GetProperty("contactMunicipality");
        Assert.Equal("GM0363", contact.GetProperty("code").GetString());
        Assert.True(contact.GetProperty("assumed").GetBoolean());
        var point = body.GetProperty("representativePoint");
        Assert.InRange(point.GetProperty("lon").GetDouble(), 4.5, 5.2);
        Assert.InRange(point.GetProperty("lat").GetDouble(), 52.2, 52.5);
    }

    [Fact]
    public async Task The_Region_Split_In_2025_Is_Not_Found_And_A_Bad_Code_Is_Rejected()
    {
        await (await _client.GetAsync("/rmc-regions/MC14", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/rmc-regions/XYZ", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/rmc-regions?year=1999", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Municipality_Names_Its_Region()
    {
        var body = await GetJsonAsync("/municipalities/GM0363");

        Assert.Equal("Amsterdam", body.GetProperty("name").GetString());
        Assert.Equal("MC21", body.GetProperty("rmcRegion").GetProperty("code").GetString());
        Assert.True(body.GetProperty("isContactMunicipality").GetBoolean());
        await (await _client.GetAsync("/municipalities/GM9999", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/municipalities/0363", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_Institution_Lists_Its_Campuses_With_Their_Regions()
    {
        var list = await GetJsonAsync("/institutions");
        var body = await GetJsonAsync("/institutions/25LX");

        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("brin").GetString() == "25LX");
        var campuses = body.GetProperty("campuses").EnumerateArray().ToList();
        Assert.NotEmpty(campuses);
        Assert.All(campuses, c =>
        {
            Assert.StartsWith("25LX", c.GetProperty("brinVest").GetString(), StringComparison.Ordinal);
            Assert.Matches("^MC[0-9]{2}$", c.GetProperty("rmcRegion").GetProperty("code").GetString());
        });
    }

    [Fact]
    public async Task A_Campus_Placed_By_Its_Postcode_Says_So()
    {
        var body = await GetJsonAsync("/campuses/17wh10");

        var campus = body.GetProperty("campus");
        Assert.Equal("17WH10", campus.GetProperty("brinVest").GetString());
        Assert.Equal("Postcode", campus.GetProperty("placement").GetProperty("method").GetString());
        Assert.Equal("GM0362", campus.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Contains("GM0363", campus.GetProperty("placement").GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_And_Malformed_Institution_Codes_Give_Problems()
    {
        await (await _client.GetAsync("/institutions/99ZZ", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/institutions/TOOLONG", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/campuses/25LX", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/campuses/25LX99", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_Unknown_Route_Is_A_404_Problem()
    {
        await (await _client.GetAsync("/no-such-thing", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_OpenAPI_Document_Describes_Every_Endpoint()
    {
        var body = await GetJsonAsync("/openapi/v1.json");

        var paths = body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.StartsWith("3.", body.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in new[] { "/health/ready", "/rmc-regions", "/rmc-regions/{code}", "/municipalities/{code}",
                     "/postcodes/{postcode}", "/institutions", "/institutions/{brin}", "/campuses/{brinvest}" })
        {
            Assert.Contains(path, paths);
        }
    }
}
