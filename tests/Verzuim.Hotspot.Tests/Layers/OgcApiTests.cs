using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Layers;

public sealed class OgcApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string Link(JsonElement document, string rel) =>
        document.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel).GetProperty("href").GetString()!;

    [Fact]
    public async Task Landing_Page_Links_To_An_OpenApi_30_Document_Conformance_And_Collections()
    {
        // Act
        var landing = await GetJsonAsync("/");

        // Assert: every required link, and service-desc really is an OpenAPI 3.0 document with the items path.
        Assert.EndsWith("/", Link(landing, "self"), StringComparison.Ordinal);
        Assert.EndsWith("/conformance", Link(landing, "conformance"), StringComparison.Ordinal);
        Assert.EndsWith("/collections", Link(landing, "data"), StringComparison.Ordinal);
        var serviceDesc = landing.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", serviceDesc.GetProperty("type").GetString());
        var openApi = await GetJsonAsync(new Uri(serviceDesc.GetProperty("href").GetString()!).PathAndQuery);
        Assert.StartsWith("3.0.", openApi.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/collections/{collectionId}/items", out _));
    }

    [Fact]
    public async Task Conformance_Declares_Core_GeoJson_OpenApi30_And_Crs_By_Reference()
    {
        var conformance = await GetJsonAsync("/conformance");

        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
    }

    [Fact]
    public async Task Collections_Lists_The_Five_Layers_With_Items_Links_Crs_And_A_Dutch_Extent()
    {
        var collections = await GetJsonAsync("/collections");

        var list = collections.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(["rmc-regions", "municipalities", "postcode-areas", "campuses", "flow-lines"], list.Select(c => c.GetProperty("id").GetString()));
        Assert.EndsWith("/collections", Link(collections, "self"), StringComparison.Ordinal);
        foreach (var c in list)
        {
            Assert.EndsWith($"/collections/{c.GetProperty("id").GetString()}/items", Link(c, "items"), StringComparison.Ordinal);
            var crs = c.GetProperty("crs").EnumerateArray().Select(x => x.GetString()).ToList();
            Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", crs[0]);
            Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/28992", crs);
            Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/28992", c.GetProperty("storageCrs").GetString());
            var bbox = c.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.InRange(bbox[0], 3.0, 4.0);
            Assert.InRange(bbox[3], 53.3, 54.0);
        }
        var single = await GetJsonAsync("/collections/campuses");
        Assert.Equal("campuses", single.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unknown_Collection_And_Unknown_Feature_Give_404_Problems()
    {
        var collection = await _client.GetAsync("/collections/nope/items", Ct);
        var feature = await _client.GetAsync("/collections/municipalities/items/GM9999", Ct);

        await collection.AssertProblemAsync(HttpStatusCode.NotFound);
        await feature.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Single_Feature_Is_A_GeoJson_Feature_With_Self_And_Collection_Links()
    {
        var response = await _client.GetAsync("/collections/municipalities/items/GM0363", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var feature = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("GM0363", feature.GetProperty("id").GetString());
        Assert.Equal("Amsterdam", feature.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.EndsWith("/collections/municipalities", Link(feature, "collection"), StringComparison.Ordinal);
    }
}
