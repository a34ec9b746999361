using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// The one way this service keeps what it computed: a value per (family, version, key), built once however many
/// requests ask at the same time (single flight), never kept when the build fails, and never cancelled because one
/// waiting caller gave up. The version is what the value was computed from (the data version for counts, the load
/// time for geography): when a family is asked for a newer version, its older entries are dropped at once, so an
/// import frees the memory of what it replaced. Entries are bounded by size and expire after idling.
/// </summary>
internal class VersionedCache : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _values;
    private readonly ConcurrentDictionary<Key, Lazy<Task<object>>> _building = new();
    private readonly Dictionary<string, (long Version, CancellationTokenSource Expiry)> _generations = new(StringComparer.Ordinal);

    private readonly record struct Key(string Family, long Version, object Parameters);

    /// <param name="megabytes">Memory for kept values; 0 keeps nothing (every miss builds, concurrent misses still share one build).</param>
    public VersionedCache(int megabytes)
    {
        Enabled = megabytes > 0;
        _values = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1L, megabytes) * 1024 * 1024 });
    }

    public bool Enabled { get; }

    /// <summary>The kept value, or the one being built, or a new build.</summary>
    /// <param name="parameters">Everything else the value depends on; a record or tuple with value equality.</param>
    /// <param name="build">Runs without the caller's token: the value is shared by every caller that waits for it.</param>
    /// <param name="bytes">An estimate of the value's size in memory.</param>
    public async Task<T> GetOrBuildAsync<T>(string family, long version, object parameters, Func<Task<T>> build, Func<T, long> bytes,
        CancellationToken ct) where T : notnull
    {
        var key = new Key(family, version, parameters);
        if (_values.TryGetValue(key, out var kept) && kept is T value)
        {
            return value;
        }
        var expiry = ExpiryOf(family, version);
        var lazy = _building.GetOrAdd(key, k => new Lazy<Task<object>>(() => BuildAsync(k, build, bytes, expiry)));
        return (T)await lazy.Value.WaitAsync(ct);
    }

    /// <summary>True and the value when it is kept; never builds.</summary>
    public bool TryGet<T>(string family, long version, object parameters, out T value) where T : notnull
    {
        var found = _values.TryGetValue(new Key(family, version, parameters), out var kept) && kept is T;
        value = found ? (T)kept! : default!;
        return found;
    }

    private async Task<object> BuildAsync<T>(Key key, Func<Task<T>> build, Func<T, long> bytes, CancellationChangeToken expiry) where T : notnull
    {
        try
        {
            var value = await build();
            if (Enabled && !expiry.HasChanged)
            {
                _values.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, bytes(value)), SlidingExpiration = Idle }
                    .AddExpirationToken(expiry));
            }
            return value;
        }
        finally
        {
            // Kept or failed, the next miss starts afresh; a failure is never served from here again.
            _building.TryRemove(key, out _);
        }
    }

    /// <summary>A token that fires when the family moves past this version (already fired for an older one).</summary>
    private CancellationChangeToken ExpiryOf(string family, long version)
    {
        lock (_generations)
        {
            if (_generations.TryGetValue(family, out var current))
            {
                if (version < current.Version)
                {
                    return new CancellationChangeToken(new CancellationToken(canceled: true));
                }
                if (version == current.Version)
                {
                    return new CancellationChangeToken(current.Expiry.Token);
                }
                // Cancelled, not disposed: entries of the old version may still be registering on its token.
                current.Expiry.Cancel();
            }
            var next = new CancellationTokenSource();
            _generations[family] = (version, next);
            return new CancellationChangeToken(next.Token);
        }
    }

    public void Dispose()
    {
        _values.Dispose();
        lock (_generations)
        {
            foreach (var (_, expiry) in _generations.Values)
            {
                expiry.Dispose();
            }
        }
        GC.SuppressFinalize(this);
    }
}
