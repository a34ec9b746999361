using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Faults;

/// <summary>Computed answers are bounded by one concurrency limiter and kept, compressed, in the output cache.</summary>
public sealed class LoadSheddingTests(PostGisFixture postGis) : IAsyncLifetime
{
    private const string Year = NationalSyntheticData.Latest;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Shape(JsonElement document) =>
        [.. document.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array ? $"{p.Name}[{p.Value.GetArrayLength()}]" : p.Name)];

    /// <summary>How long the kept-answer test may try before it fails: imports of other classes can move the version for a while.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static async Task<HttpResponseMessage> GetGzipAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept-Encoding", "gzip" } } };
        return await client.SendAsync(request, Ct);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50, Ct);
        return true;
    }

    public async ValueTask InitializeAsync() => await postGis.National.EnsureLoadedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Beyond_The_Bound_Computed_Answers_Are_Refused_At_Once_With_503_And_Retry_After()
    {
        // Arrange: one permit, no queue, nothing kept, so every request computes.
        await using var api = new ApiFactory(postGis).WithWebHostBuilder(b => b
            .UseSetting("LoadShedding:PermitLimit", "1")
            .UseSetting("LoadShedding:QueueLimit", "0")
            .UseSetting("Caching:Megabytes", "0"));
        var client = api.CreateClient();

        // Act: eight different PC4 hotspot answers (different seeds) at once.
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(seed =>
            client.GetAsync($"/hotspots?level=pc4&schoolYear={Year}&permutations=99&seed={seed}", Ct)));

        // Assert: some were computed, the rest refused with a problem that says when to come back.
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(refused);
        foreach (var response in refused)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Too busy.", problem.GetProperty("title").GetString());
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task A_Kept_Answer_Is_Served_From_The_Output_Cache_Compressed_With_Its_ETag()
    {
        // Arrange
        await using var api = new ApiFactory(postGis);
        var client = api.CreateClient();
        const string path = $"/outliers?level=institution&schoolYear={Year}";
        using var plain = new HttpRequestMessage(HttpMethod.Get, path);

        // Act: an answer computed for a fresh URL, then the same URL until the output cache serves it (Age).
        // Other test classes import in parallel, and an import between the two rightly changes the ETag: then the
        // attempt starts again on a new URL. The patience is a bound against a hang, not a timing check.
        HttpResponseMessage computed, kept;
        var patience = Stopwatch.StartNew();
        var attempt = 0;
        do
        {
            var url = $"{path}&attempt={attempt++}";
            computed = await GetGzipAsync(client, url);
            do
            {
                // The cache stores an answer once it is complete, which the in-memory client may see a moment before.
                kept = await GetGzipAsync(client, url);
            }
            while (kept.Headers.Age is null && Equals(computed.Headers.ETag, kept.Headers.ETag) && patience.Elapsed < Patience && await Delay());
        }
        while (!Equals(computed.Headers.ETag, kept.Headers.ETag) && patience.Elapsed < Patience);
        var identity = await client.SendAsync(plain, Ct);

        // Assert: the second is a cache hit (Age) of the same gzip bytes; the identity answer is the same document.
        Assert.Equal(HttpStatusCode.OK, computed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Null(computed.Headers.Age);
        Assert.NotNull(kept.Headers.Age);
        Assert.Equal(["gzip"], kept.Content.Headers.ContentEncoding);
        Assert.Equal(computed.Headers.ETag, kept.Headers.ETag);
        Assert.NotNull(kept.Headers.ETag);
        var keptBytes = await kept.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(await computed.Content.ReadAsByteArrayAsync(Ct), keptBytes);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        await using var gunzip = new GZipStream(new MemoryStream(keptBytes), CompressionMode.Decompress);
        var fromGzip = await JsonSerializer.DeserializeAsync<JsonElement>(gunzip, cancellationToken: Ct);
        var fromIdentity = await identity.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // The same document (the identity answer is made on its own, so a provenance time may differ).
        Assert.Equal(Shape(fromIdentity), Shape(fromGzip));
    }
}
