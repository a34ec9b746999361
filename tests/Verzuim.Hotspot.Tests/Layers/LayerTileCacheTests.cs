using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Layers;

namespace Verzuim.Hotspot.Tests.Layers;

public sealed class LayerTileCacheTests
{
    [Fact]
    public void A_Stored_Tile_Is_Served_Until_The_Key_Changes()
    {
        using var cache = new LayerTileCache(Options.Create(new LayersOptions { TileCacheMegabytes = 1 }));

        cache.Set("7/municipalities/8/131/84", [1, 2, 3]);

        Assert.True(cache.TryGet("7/municipalities/8/131/84", out var tile));
        Assert.Equal([1, 2, 3], tile);
        Assert.False(cache.TryGet("8/municipalities/8/131/84", out _));
    }

    [Fact]
    public void Zero_Megabytes_Disables_The_Cache()
    {
        using var cache = new LayerTileCache(Options.Create(new LayersOptions { TileCacheMegabytes = 0 }));

        cache.Set("k", [1]);

        Assert.False(cache.Enabled);
        Assert.False(cache.TryGet("k", out _));
    }
}
