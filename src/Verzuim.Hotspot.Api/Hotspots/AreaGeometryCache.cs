using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// The WGS84 GeoJSON polygons of a level at the default simplification, kept in memory: transforming and
/// simplifying 4,000 PC4 polygons costs about a second, and they change only with a geography reload.
/// Other tolerances are read from PostGIS on each request, so the cache cannot grow with user input.
/// </summary>
internal sealed class AreaGeometryCache(NpgsqlDataSource dataSource)
{
    private sealed record Entry(DateTime LoadedAt, Lazy<Task<Dictionary<string, JsonElement>>> Value);

    private readonly ConcurrentDictionary<(int Year, AreaLevel Level), Entry> _entries = new();

    public static double DefaultToleranceM(AreaLevel level) => level == AreaLevel.Pc4 ? 50 : 100;

    public async Task<Dictionary<string, JsonElement>> GetAsync(int year, AreaLevel level, double toleranceM, CancellationToken ct)
    {
        if (toleranceM != DefaultToleranceM(level))
        {
            return await dataSource.GeoJsonAsync(level, year, toleranceM, ct);
        }
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
        new(loadedAt, new Lazy<Task<Dictionary<string, JsonElement>>>(
            () => dataSource.GeoJsonAsync(level, year, DefaultToleranceM(level), CancellationToken.None)));
}
