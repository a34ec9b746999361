using System.Net;
using System.Text;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Layers;

public sealed class TilesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The WebMercatorQuad tile holding a lon/lat point.</summary>
    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = Math.Pow(2, z);
        var latRad = lat * Math.PI / 180;
        return ((int)Math.Floor((lon + 180) / 360 * n), (int)Math.Floor((1 - (Math.Log(Math.Tan(latRad) + (1 / Math.Cos(latRad))) / Math.PI)) / 2 * n));
    }

    private static bool Contains(byte[] tile, string text) => tile.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    public async Task A_Tile_Over_Amsterdam_Is_A_Vector_Tile_With_Amsterdam_In_It(int z)
    {
        // Arrange: the Dam
        var (x, y) = TileOf(4.8930, 52.3731, z);

        // Act
        var response = await _client.GetAsync($"/collections/municipalities/tiles/WebMercatorQuad/{z}/{x}/{y}", Ct);

        // Assert: MVT is protobuf; layer name and attribute values appear as raw strings.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var tile = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(Contains(tile, "municipalities"));
        Assert.True(Contains(tile, "GM0363"));
        Assert.True(Contains(tile, "Amsterdam"));
        Assert.False(Contains(tile, "GM0014"), "Groningen lies far outside this tile");
    }

    [Theory]
    [InlineData(8, 0, 0)]
    [InlineData(8, 131, 20)]
    [InlineData(0, 0, 0)]
    public async Task An_Empty_Tile_Answers_204(int z, int x, int y)
    {
        // 0/0/0 holds the whole world, and so the Netherlands: it must not be empty. The others are far away.
        var response = await _client.GetAsync($"/collections/campuses/tiles/WebMercatorQuad/{z}/{x}/{y}", Ct);

        Assert.Equal(z == 0 ? HttpStatusCode.OK : HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("8/256/0")]
    [InlineData("25/0/0")]
    public async Task A_Tile_Outside_The_Matrix_Gives_400_Problem(string zxy)
    {
        var response = await _client.GetAsync($"/collections/campuses/tiles/WebMercatorQuad/{zxy}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TileJson_Describes_The_Tile_Url_The_Layer_And_Its_Fields()
    {
        var response = await _client.GetAsync("/collections/postcode-areas/tiles/WebMercatorQuad/tilejson.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tileJson = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("3.0.0", tileJson.GetProperty("tilejson").GetString());
        var url = tileJson.GetProperty("tiles")[0].GetString()!;
        Assert.EndsWith("/collections/postcode-areas/tiles/WebMercatorQuad/{z}/{x}/{y}", url, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(url.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute));
        var layer = tileJson.GetProperty("vector_layers")[0];
        Assert.Equal("postcode-areas", layer.GetProperty("id").GetString());
        Assert.Equal("String", layer.GetProperty("fields").GetProperty("pc4").GetString());
        var bounds = tileJson.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToList();
        Assert.InRange(bounds[0], 3, 4);
        Assert.InRange(bounds[2], 7, 7.5);
        // The URL template really serves tiles.
        var (x, y) = TileOf(5.12, 52.09, 9);
        var tile = await _client.GetAsync(new Uri(url.Replace("{z}", "9", StringComparison.Ordinal).Replace("{x}", $"{x}", StringComparison.Ordinal)
            .Replace("{y}", $"{y}", StringComparison.Ordinal)).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
    }
}
