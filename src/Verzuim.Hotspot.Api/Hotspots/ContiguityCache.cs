namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// Queen contiguity per (classification year, level), computed once in PostGIS and kept in memory. It depends
/// only on the polygons, so it is rebuilt when that year's geography is reloaded, not when counts change.
/// </summary>
internal sealed class ContiguityCache(NpgsqlDataSource dataSource, VersionedCache cache)
{
    // Per classification year: each year's geography is loaded (and versioned) on its own.
    private const string Family = "contiguity";

    public async Task<Contiguity> GetAsync(int year, AreaLevel level, CancellationToken ct)
    {
        var loadedAt = await dataSource.GeographyLoadedAtAsync(year, ct);
        return await cache.GetOrBuildAsync($"{Family}/{year}", loadedAt.Ticks, (year, level), () => BuildAsync(dataSource, year, level),
            c => 64L * c.Codes.Count, ct);
    }

    private static async Task<Contiguity> BuildAsync(NpgsqlDataSource dataSource, int year, AreaLevel level)
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
