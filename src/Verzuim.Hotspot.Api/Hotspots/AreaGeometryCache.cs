namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// The WGS84 GeoJSON polygons of a level at the default simplification, kept in memory: transforming and
/// simplifying 4,000 PC4 polygons costs about a second, and they change only with a geography reload.
/// Other tolerances are read from PostGIS on each request, so the cache cannot grow with user input.
/// </summary>
internal sealed class AreaGeometryCache(NpgsqlDataSource dataSource, VersionedCache cache)
{
    // Per classification year: each year's geography is loaded (and versioned) on its own.
    private const string Family = "area-geometry";

    public static double DefaultToleranceM(AreaLevel level) => level == AreaLevel.Pc4 ? 50 : 100;

    public async Task<Dictionary<string, string>> GetAsync(int year, AreaLevel level, double toleranceM, CancellationToken ct) =>
        toleranceM != DefaultToleranceM(level)
            ? await dataSource.GeoJsonAsync(level, year, toleranceM, ct)
            : await cache.GetOrBuildAsync($"{Family}/{year}", (await dataSource.GeographyLoadedAtAsync(year, ct)).Ticks, (year, level),
                () => dataSource.GeoJsonAsync(level, year, toleranceM, CancellationToken.None), g => g.Sum(p => 2L * p.Value.Length) + (64L * g.Count), ct);
}
