namespace Verzuim.Hotspot.Api.Layers;

internal static class LayerExtent
{
    // Every layer lies within the municipalities of the classification year, so one extent serves them all.
    private const string ExtentSql = """
        select ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
        from (select box2d(ST_Transform(ST_SetSRID(ST_Extent(geometry)::geometry, 28992), 4326)) as b
              from municipalities where classification_year = @year) as e
        """;

    /// <summary>CRS84 bounds [minLon, minLat, maxLon, maxLat], or null when the year is not loaded.</summary>
    public static async Task<double[]?> ReadAsync(NpgsqlDataSource dataSource, int year, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ExtentSql);
        command.Parameters.AddWithValue("year", year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0))
        {
            return null;
        }
        return [.. Enumerable.Range(0, 4).Select(i => Math.Round(reader.GetDouble(i), 6))];
    }
}
