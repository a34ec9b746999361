using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// Built vector tiles, keyed by data version: a tile only changes when the data does, and building one (projecting
/// and simplifying every geometry it touches) costs far more than serving it. Bounded by size; an import moves every
/// key to a new version, and the old entries age out.
/// </summary>
internal sealed class LayerTileCache(IOptions<LayersOptions> options) : IDisposable
{
    private readonly MemoryCache _tiles = new(new MemoryCacheOptions { SizeLimit = Math.Max(1L, options.Value.TileCacheMegabytes) * 1024 * 1024 });

    public bool Enabled { get; } = options.Value.TileCacheMegabytes > 0;

    public bool TryGet(string key, out byte[] tile)
    {
        tile = [];
        return Enabled && _tiles.TryGetValue(key, out tile!);
    }

    public void Set(string key, byte[] tile)
    {
        if (Enabled)
        {
            _tiles.Set(key, tile, new MemoryCacheEntryOptions { Size = tile.Length + 256, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
    }

    public void Dispose() => _tiles.Dispose();
}
