using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Layers;

// In the counts collection: one test moves data_state.version as an import does, and the two-instance test, also
// there, compares answers across a version it does not expect to move.
[Collection(CountsCollection.Name)]
public sealed class HttpCachingTests(ApiFactory api, PostGisFixture postGis) : IClassFixture<ApiFactory>
{
    private const string Items = "/collections/rmc-regions/items?limit=3&simplify=1000";

    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path, string? ifNoneMatch = null, string? acceptEncoding = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await _client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Items_Carry_A_Weak_ETag_From_The_Data_Version_And_Cache_Control()
    {
        // Other tests may import counts meanwhile, so the version is read on both sides of the request.
        var before = await postGis.ScalarAsync<long>("select version from data_state where id = 1");
        var response = await GetAsync(Items);
        var after = await postGis.ScalarAsync<long>("select version from data_state where id = 1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        var version = DataVersions.Of(etag);
        Assert.InRange(version, before, after);
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.Public && cacheControl.MustRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        var other = await GetAsync(Items + "&offset=3");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task If_None_Match_With_The_Current_ETag_Gives_304_Without_A_Body()
    {
        HttpResponseMessage? revalidated = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var first = await GetAsync(Items);
            revalidated = await GetAsync(Items, ifNoneMatch: first.Headers.ETag!.ToString());
            if (revalidated.StatusCode == HttpStatusCode.NotModified)
            {
                break; // otherwise the data version moved between the two requests: try once more
            }
        }

        Assert.Equal(HttpStatusCode.NotModified, revalidated!.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(Ct));
        Assert.NotNull(revalidated.Headers.ETag);
        var stale = await GetAsync(Items, ifNoneMatch: "W/\"0-0000000000000000\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task The_ETag_Changes_When_The_Data_Version_Is_Bumped()
    {
        // Arrange: what an import does to data_state
        var before = (await GetAsync("/collections/municipalities")).Headers.ETag;

        // Act
        await using (var bump = postGis.DataSource.CreateCommand("update data_state set version = version + 1, changed_at = now() where id = 1"))
        {
            await bump.ExecuteNonQueryAsync(Ct);
        }
        var after = await GetAsync("/collections/municipalities", ifNoneMatch: before!.ToString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
    }

    [Fact]
    public async Task Cached_Items_Answers_Follow_The_Data_Version()
    {
        // Arrange: the same items twice, so the second comes from the server-side cache.
        var path = "/collections/municipalities/items?limit=5&simplify=500";
        // Other test classes import in parallel; an import between the two requests rightly changes the ETag, so try again.
        var (first, second) = await DataVersions.AtOneAsync(() => GetAsync(path), () => GetAsync(path), r => DataVersions.Of(r.Headers.ETag!));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));

        // Act: what an import does to data_state
        await using (var bump = postGis.DataSource.CreateCommand("update data_state set version = version + 1, changed_at = now() where id = 1"))
        {
            await bump.ExecuteNonQueryAsync(Ct);
        }
        var after = await GetAsync(path, ifNoneMatch: second.Headers.ETag!.ToString());

        // Assert: a new answer with a new validator, not the cached one
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(second.Headers.ETag, after.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task GeoJson_Is_Compressed_With_Brotli_And_Gzip(string encoding)
    {
        var response = await GetAsync("/collections/municipalities/items?limit=50", acceptEncoding: encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        await using var plain = Decompressed(await response.Content.ReadAsStreamAsync(Ct), encoding);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(plain, cancellationToken: Ct);
        Assert.Equal(50, body.GetProperty("features").GetArrayLength());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_Kept_Answer_Is_Compressed_Harder_Than_One_Built_For_A_Single_Request(string encoding)
    {
        const string path = "/collections/municipalities/items?limit=200";
        await GetAsync(path, acceptEncoding: encoding);
        var kept = await GetAsync(path, acceptEncoding: encoding);
        // A keyed request is never kept by the output cache: its answer is compressed at the fastest level.
        using var keyedRequest = new HttpRequestMessage(HttpMethod.Get, path);
        keyedRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        keyedRequest.Headers.Add("X-Api-Key", ApiFactory.AdminApiKey);
        var keyed = await _client.SendAsync(keyedRequest, Ct);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        var keptBytes = await kept.Content.ReadAsByteArrayAsync(Ct);
        var keyedBytes = await keyed.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(keptBytes.Length < keyedBytes.Length * 0.9,
            $"kept {keptBytes.Length} bytes, built for one request {keyedBytes.Length}: the kept answer should be smaller");
        // The same areas (their counts and the provenance follow the view, which differs).
        Assert.Equal(Areas(keyedBytes, encoding), Areas(keptBytes, encoding));
    }

    private static List<string> Areas(byte[] bytes, string encoding)
    {
        using var plain = Decompressed(new MemoryStream(bytes), encoding);
        using var body = JsonDocument.Parse(plain);
        return [.. body.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetRawText() + f.GetProperty("geometry").GetRawText())];
    }

    private static Stream Decompressed(Stream compressed, string encoding) => encoding == "br"
        ? new BrotliStream(compressed, CompressionMode.Decompress)
        : new GZipStream(compressed, CompressionMode.Decompress);

    [Fact]
    public async Task Vector_Tiles_Are_Compressed_Too()
    {
        var response = await GetAsync("/collections/municipalities/tiles/WebMercatorQuad/7/65/42", acceptEncoding: "br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Get_Is_Allowed_From_Any_Origin()
    {
        var response = await GetAsync("/collections", origin: "https://maps.example.org");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", string.Join("", response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
