using System.Text.Json;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Hotspots;

/// <summary>
/// The hotspots and the postcode layer publish the same residence table, so they must hide the same areas. A school
/// year of its own with one small postcode among large ones: the layer protects it by hiding a second postcode, and
/// the hotspots must not publish that one.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed class HotspotsFollowTheLayersTests(PostGisFixture postGis, ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string SchoolYear = "2041-2042";
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var data = await CountsTestData.LoadAsync(postGis);
        await CountsTestData.DeleteSchoolYearsAsync(postGis, SchoolYear);
        var rows = data.Pc4s.Take(20).Select((pc4, i) => new CountsTestData.Row(SchoolYear, data.Campuses[0], pc4, "18plus", i == 0 ? 3 : 50 + i, 20))
            .ToList();
        var importer = new CountsImporter(postGis.DataSource, Options.Create(new GeographyOptions()));
        await importer.ImportAsync(CountsTestData.Stream(CountsTestData.Csv(rows)), "hotspots follow the layers", synthetic: true, null, Ct);
    }

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, SchoolYear);

    private async Task<HashSet<string>> HiddenAsync(string path)
    {
        var body = await _client.GetFromJsonAsync<JsonElement>(path, Ct);
        return [.. body.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("suppressed").GetBoolean())
            .Select(f => f.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task The_Postcode_The_Layer_Hides_To_Protect_Another_Is_Hidden_In_The_Hotspots_Too()
    {
        // Act
        var layer = await HiddenAsync($"/collections/postcode-areas/items?limit=10000&properties=suppressed&simplify=5000&schoolYear={SchoolYear}");
        var hotspots = await HiddenAsync($"/hotspots?level=pc4&permutations=0&schoolYear={SchoolYear}");

        // Assert: the small postcode and the one hidden beside it, in both outputs.
        Assert.Equal(2, layer.Count);
        Assert.Equal(layer.Order(), hotspots.Order());
    }
}
