
namespace Verzuim.Hotspot.Api.Packs;

internal sealed record RegionPath(string Code, string Name, string Path);

internal sealed record CampusPoint(string BrinVest, string Brin, double X, double Y);

/// <summary>Simplified region outlines and campus points in RD New metres, for the packs' inline SVG maps.</summary>
internal sealed record PackGeometry(IReadOnlyList<RegionPath> Regions, IReadOnlyList<CampusPoint> Campuses,
    double MinX, double MinY, double MaxX, double MaxY)
{
    public static async Task<PackGeometry> LoadAsync(NpgsqlDataSource dataSource, int year, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var regions = new List<RegionPath>();
        await using (var command = new NpgsqlCommand(PackSql.RegionPaths, connection))
        {
            command.Parameters.AddWithValue("year", year);
            command.Parameters.AddWithValue("tolerance", PackSql.ToleranceM);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                regions.Add(new RegionPath(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        double minX, minY, maxX, maxY;
        await using (var command = new NpgsqlCommand(PackSql.Extent, connection))
        {
            command.Parameters.AddWithValue("year", year);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (minX, minY, maxX, maxY) = (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
        }
        var campuses = new List<CampusPoint>();
        await using (var command = new NpgsqlCommand(PackSql.CampusPoints, connection))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                campuses.Add(new CampusPoint(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
            }
        }
        return new PackGeometry(regions, campuses, minX, minY, maxX, maxY);
    }
}
