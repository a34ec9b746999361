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
    private readonly GeographyKeyedCache<Dictionary<string, JsonElement>> _cache =
        new(dataSource, (year, level) => dataSource.GeoJsonAsync(level, year, DefaultToleranceM(level), CancellationToken.None));

    public static double DefaultToleranceM(AreaLevel level) => level == AreaLevel.Pc4 ? 50 : 100;

    public async Task<Dictionary<string, JsonElement>> GetAsync(int year, AreaLevel level, double toleranceM, CancellationToken ct) =>
        toleranceM != DefaultToleranceM(level)
            ? await dataSource.GeoJsonAsync(level, year, toleranceM, ct)
            : await _cache.GetAsync(year, level, ct);
}
