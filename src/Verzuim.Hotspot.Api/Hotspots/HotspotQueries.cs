using NpgsqlTypes;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>Reads the inputs of the hotspot statistics; the statistics themselves run in C# over plain arrays.</summary>
internal static class HotspotQueries
{
    public static async Task<List<AreaCounts>> AreaCountsAsync(this NpgsqlDataSource dataSource, AreaLevel level, int year,
        string schoolYear, string? ageBand, CancellationToken ct)
    {
        await using var command = CountsCommand(dataSource, level == AreaLevel.Pc4 ? HotspotsSql.Pc4Counts : HotspotsSql.MunicipalityCounts,
            year, schoolYear, ageBand);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<AreaCounts>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new AreaCounts(reader.GetString(0).Trim(), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return rows;
    }

    public static async Task<List<CampusRegionCount>> CampusRegionCountsAsync(this NpgsqlDataSource dataSource, int year,
        string schoolYear, string? ageBand, CancellationToken ct)
    {
        await using var command = CountsCommand(dataSource, HotspotsSql.CampusRegionCounts, year, schoolYear, ageBand);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<CampusRegionCount>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new CampusRegionCount(reader.GetString(0).Trim(), reader.GetString(1).Trim(), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5).Trim(),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetInt64(8), reader.GetInt64(9)));
        }
        return rows;
    }

    /// <summary>WGS84 GeoJSON geometry per area code, simplified by <paramref name="toleranceM"/> metres (0 = as stored).</summary>
    public static async Task<Dictionary<string, string>> GeoJsonAsync(this NpgsqlDataSource dataSource, AreaLevel level, int year,
        double toleranceM, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(level == AreaLevel.Pc4 ? HotspotsSql.Pc4GeoJson : HotspotsSql.MunicipalityGeoJson);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("tolerance", toleranceM);
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Kept as PostGIS wrote it: the GeoJSON writer copies it into answers as is.
        var geometries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            if (!reader.IsDBNull(1))
            {
                geometries[reader.GetString(0).Trim()] = reader.GetString(1);
            }
        }
        return geometries;
    }

    /// <summary>When the year's geography was last loaded (MinValue if never): caches of geometry-derived data key on it.</summary>
    public static async Task<DateTime> GeographyLoadedAtAsync(this NpgsqlDataSource dataSource, int year, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(HotspotsSql.GeographyLoadedAt);
        command.Parameters.AddWithValue("year", year);
        return await command.ExecuteScalarAsync(ct) is DateTime t ? t : DateTime.MinValue;
    }

    private static NpgsqlCommand CountsCommand(NpgsqlDataSource dataSource, string sql, int year, string schoolYear, string? ageBand)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("school_year", schoolYear);
        command.Parameters.Add(new NpgsqlParameter("age_band", NpgsqlDbType.Text) { Value = (object?)ageBand ?? DBNull.Value });
        return command;
    }
}
