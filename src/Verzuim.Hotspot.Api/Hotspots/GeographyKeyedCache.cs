using System.Collections.Concurrent;
using Npgsql;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// A value per (classification year, level) that depends only on the polygons: built once, shared by concurrent
/// requests, and rebuilt when that year's geography is reloaded (not when counts change).
/// </summary>
internal sealed class GeographyKeyedCache<T>(NpgsqlDataSource dataSource, Func<int, AreaLevel, Task<T>> build)
{
    private sealed record Entry(DateTime LoadedAt, Lazy<Task<T>> Value);

    private readonly ConcurrentDictionary<(int Year, AreaLevel Level), Entry> _entries = new();

    public async Task<T> GetAsync(int year, AreaLevel level, CancellationToken ct)
    {
        var loadedAt = await dataSource.GeographyLoadedAtAsync(year, ct);
        var key = (year, level);
        while (true)
        {
            var entry = _entries.GetOrAdd(key, _ => NewEntry(year, level, loadedAt));
            if (entry.LoadedAt != loadedAt)
            {
                _entries.TryUpdate(key, NewEntry(year, level, loadedAt), entry);
                continue;
            }
            try
            {
                // The build is shared by concurrent requests, so one caller's cancellation only stops its own wait.
                return await entry.Value.Value.WaitAsync(ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested && entry.Value.Value.IsFaulted)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                throw;
            }
        }
    }

    private Entry NewEntry(int year, AreaLevel level, DateTime loadedAt) =>
        new(loadedAt, new Lazy<Task<T>>(() => build(year, level)));
}
