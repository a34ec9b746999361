using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Hotspots;

/// <summary>
/// The null synthetic set (no planted hotspots, no institution or region effects) under school years of its own:
/// after Benjamini-Hochberg at most 5% of the areas may be flagged at 95%.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed class NullHotspotsTests(ApiFactory api, NullSyntheticFixture nullSet) : IClassFixture<ApiFactory>, IClassFixture<NullSyntheticFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pc4", "gistar", "eb")]
    [InlineData("pc4", "gistar", "none")]
    [InlineData("municipality", "gistar", "eb")]
    [InlineData("pc4", "moran", "eb")]
    [InlineData("municipality", "moran", "none")]
    public async Task Without_Planted_Hotspots_At_Most_5_Percent_Of_Areas_Are_Flagged_At_95_Percent_After_Fdr(string level, string method, string smooth)
    {
        foreach (var year in nullSet.SchoolYears)
        {
            // As an admin: this is a test of the statistics on a null set, not of disclosure control, and the admin view
            // analyses every area without waiting for the protection of two national-size school years.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/hotspots?level={level}&method={method}&smooth={smooth}&schoolYear={year}&permutations=0");
            request.Headers.Add("X-Api-Key", ApiFactory.AdminApiKey);
            var response = await api.CreateClient().SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var props = body.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
            var tested = props.Where(p => p.GetProperty("pFdr").ValueKind == JsonValueKind.Number).ToList();
            var flagged = tested.Count(p => p.GetProperty("pFdr").GetDouble() < 0.05);
            var flaggedByClass = props.Count(p => p.GetProperty("class").GetString() is "Hot95" or "Hot99" or "Cold95" or "Cold99"
                or "HighHigh" or "LowLow" or "HighLow" or "LowHigh");
            Assert.True(tested.Count > (level == "pc4" ? 3000 : 300), $"{tested.Count} areas tested");
            Assert.Equal(flagged, flaggedByClass);
            Assert.True(flagged <= 0.05 * tested.Count, $"{level} {method} {smooth} {year}: {flagged} of {tested.Count} flagged at 95% after FDR");
            TestContext.Current.TestOutputHelper?.WriteLine($"{level} {method} {smooth} {year}: {flagged} of {tested.Count} flagged at 95% after FDR; classes {body.GetProperty("summary").GetProperty("classes")}");
        }
    }
}
