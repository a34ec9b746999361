using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Scaling;

/// <summary>
/// Two API replicas on one database, as behind a load balancer. Each keeps its own in-memory caches; the data
/// version in the database is what tells them apart, so an import through one is served by the other at once.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed partial class TwoInstancesTests(PostGisFixture postGis) : IAsyncLifetime
{
    private const string Year = "2041-2042";

    private static readonly string[] Paths =
    [
        $"/flows?schoolYear={Year}&ageBand=18plus",
        $"/agenda-tables?schoolYear={Year}",
        $"/outliers?level=institution&schoolYear={Year}",
        $"/collections/municipalities/items?schoolYear={Year}&limit=500&properties=students,absenceReports",
    ];

    private ApiFactory _a = null!;
    private ApiFactory _b = null!;
    private CountsTestData _data = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _a = new ApiFactory(postGis);
        _b = new ApiFactory(postGis);
        _data = await CountsTestData.LoadAsync(postGis);
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
    }

    public async ValueTask DisposeAsync()
    {
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private sealed record Answer(EntityTagHeaderValue ETag, string Body);

    [Fact]
    public async Task An_Import_Through_One_Instance_Is_Served_By_The_Other_At_Once_With_New_ETags()
    {
        // Arrange: both replicas have served (and cached) the answers of a first import.
        var a = _a.CreateClient();
        var b = _b.CreateClient();
        await ImportAsync(a, seed: 21);
        var before = new Dictionary<string, Answer>();
        foreach (var path in Paths)
        {
            before[path] = await GetAsync(b, path);
            Assert.Equal(before[path], await GetAsync(b, path));
            await GetAsync(a, path);
        }

        // Act: a second import of the same school year, through A only.
        await ImportAsync(a, seed: 22);

        // Assert: B's very next answers are the new data, identical to A's, under new ETags;
        // B's old ETag no longer gets a 304.
        var (readyA, readyB) = await DataVersions.AtOneAsync(
            async () => (await a.GetFromJsonAsync<JsonElement>("/health/ready", Ct)).GetProperty("dataVersion").GetInt64(),
            async () => (await b.GetFromJsonAsync<JsonElement>("/health/ready", Ct)).GetProperty("dataVersion").GetInt64(),
            version => version);
        Assert.Equal(readyA, readyB);
        foreach (var path in Paths)
        {
            var (fromB, fromA) = await DataVersions.AtOneAsync(() => GetAsync(b, path), () => GetAsync(a, path), answer => DataVersions.Of(answer.ETag));
            Assert.NotEqual(before[path].ETag, fromB.ETag);
            Assert.NotEqual(before[path].Body, fromB.Body);
            Assert.Equal(fromA, fromB);
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { before[path].ETag } } };
            Assert.Equal(HttpStatusCode.OK, (await b.SendAsync(revalidate, Ct)).StatusCode);
        }
    }

    private async Task ImportAsync(HttpClient client, int seed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/imports/counts?dataset=two-instances")
        {
            Content = new StringContent(CountsTestData.Csv(_data.Rows(Year, 3000, seed)), Encoding.UTF8, "text/csv"),
            Headers = { { "X-Api-Key", ApiFactory.AdminApiKey } },
        };
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request, Ct)).StatusCode);
    }

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.NotNull(response.Headers.ETag);
        // Items carry the second they were made (timeStamp); two replicas may make the same answer in different seconds.
        var body = TimeStamp().Replace(await response.Content.ReadAsStringAsync(Ct), "");
        return new Answer(response.Headers.ETag, body);
    }

    [GeneratedRegex("\"timeStamp\":\"[^\"]*\",?")]
    private static partial Regex TimeStamp();
}
