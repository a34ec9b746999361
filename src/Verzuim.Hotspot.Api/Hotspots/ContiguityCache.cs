using System.Collections.Concurrent;
using Npgsql;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// Queen contiguity per (classification year, level), computed once in PostGIS and kept in memory. It depends
/// only on the polygons, so it is rebuilt when that year's geography is reloaded, not when counts change.
/// </summary>
internal sealed class ContiguityCache(NpgsqlDataSource dataSource)
{
    private sealed record Entry(DateTime LoadedAt, Lazy<Task<Contiguity>> Value);

    private readonly ConcurrentDictionary<(int Year, AreaLevel Level), Entry> _entries = new();

    public async Task<Contiguity> GetAsync(int year, AreaLevel level, CancellationToken ct)
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
        new(loadedAt, new Lazy<Task<Contiguity>>(() => BuildAsync(year, level)));

    private async Task<Contiguity> BuildAsync(int year, AreaLevel level)
    {
        var codes = new List<string>();
        var hasGeometry = new List<bool>();
        await using (var command = dataSource.CreateCommand(level == AreaLevel.Pc4 ? HotspotsSql.Pc4Areas : HotspotsSql.MunicipalityAreas))
        {
            command.Parameters.AddWithValue("year", year);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                codes.Add(reader.GetString(0).Trim());
                hasGeometry.Add(!reader.IsDBNull(1) && reader.GetBoolean(1));
            }
        }
        var pairs = new List<(string, string)>();
        await using (var command = dataSource.CreateCommand(level == AreaLevel.Pc4 ? HotspotsSql.Pc4Pairs : HotspotsSql.MunicipalityPairs))
        {
            command.Parameters.AddWithValue("year", year);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                pairs.Add((reader.GetString(0).Trim(), reader.GetString(1).Trim()));
            }
        }
        return Contiguity.FromPairs(level, year, codes, hasGeometry, pairs);
    }
}
