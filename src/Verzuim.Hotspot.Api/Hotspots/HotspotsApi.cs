using Microsoft.AspNetCore.Http.Json;
using Verzuim.Hotspot.Api.Layers;

namespace Verzuim.Hotspot.Api.Hotspots;

internal static class HotspotsApi
{
    public const string GeoJsonContentType = Geo.GeoJsonWriter.ContentType;
    public const int MaxPermutations = 9999;
    public const double MaxSimplifyM = 1000;

    public static IServiceCollection AddHotspots(this IServiceCollection services) =>
        services.AddSingleton<ContiguityCache>().AddSingleton<AreaGeometryCache>();

    public static IEndpointRouteBuilder MapHotspots(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/hotspots").WithTags("Hotspots")
            .MapGet("/", GetHotspots).WithName("GetHotspots").AsComputedAnswer()
            .WithSummary("Spatial hot and cold spots of the absence rate by place of residence (GeoJSON).")
            .WithDescription("Rate = absence reports / students living in the area (all campuses), empirical-Bayes smoothed by default. " +
                "Queen contiguity from the stored polygons. gistar: Getis-Ord Gi* (binary weights with self), class Hot/Cold 90/95/99 " +
                "from the Benjamini-Hochberg adjusted two-sided p (pFdr). moran: local Moran's I (row-standardised), class = quadrant " +
                "where pFdr < 0.05. pSim is the conditional permutation pseudo p (folded, seeded). Areas without students, and areas " +
                "whose counts are suppressed (left out of every statistic, their neighbours' included), are NoData, " +
                "areas without neighbours NoNeighbours; students whose postcode has no area are counted under 'unplaced'. " +
                "A FeatureCollection named hotspots with parameters, summary, unplaced and provenance as foreign members.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonContentType);
        return app;
    }

    internal static bool TryParseLevel(string? value, out AreaLevel level)
    {
        (var ok, level) = value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "municipality" => (true, AreaLevel.Municipality),
            "pc4" => (true, AreaLevel.Pc4),
            _ => (false, AreaLevel.Municipality),
        };
        return ok;
    }

    private sealed record AnswerKey(AreaLevel Level, HotspotMethod Method, RateSmoothing Smoothing, int Permutations, ulong Seed, double Simplify,
        int Year, string SchoolYear, AgeBandFilter Band, string View, int MinimumCount);

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetHotspots(
        [AsParameters] HotspotsRequest request, [AsParameters] CountsQuery counts, HotspotDbContext db, NpgsqlDataSource dataSource,
        ContiguityCache contiguityCache, AreaGeometryCache geometryCache, VersionedCache cache, LayerStatistics layerStatistics,
        DisclosurePolicy policy, IOptions<GeographyOptions> options, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (!TryParseLevel(request.Level, out var level))
        {
            return ProblemDetailsExtensions.InvalidParameter("level", "Use municipality or pc4.");
        }
        HotspotMethod? method = request.Method?.Trim().ToLowerInvariant() switch
        {
            null or "" or "gistar" or "gi*" => HotspotMethod.GiStar,
            "moran" => HotspotMethod.Moran,
            _ => null,
        };
        if (method is null)
        {
            return ProblemDetailsExtensions.InvalidParameter("method", "Use gistar or moran.");
        }
        RateSmoothing? smoothing = request.Smooth?.Trim().ToLowerInvariant() switch
        {
            null or "" or "eb" => RateSmoothing.EmpiricalBayes,
            "none" => RateSmoothing.None,
            _ => null,
        };
        if (smoothing is null)
        {
            return ProblemDetailsExtensions.InvalidParameter("smooth", "Use eb (empirical Bayes) or none.");
        }
        var permutations = request.Permutations ?? Statistics.ConditionalPermutation.DefaultPermutations;
        if (permutations is < 0 or > MaxPermutations)
        {
            return ProblemDetailsExtensions.InvalidParameter("permutations", $"Between 0 and {MaxPermutations}.");
        }
        var simplify = request.Simplify ?? AreaGeometryCache.DefaultToleranceM(level);
        if (!(simplify is >= 0 and <= MaxSimplifyM))
        {
            return ProblemDetailsExtensions.InvalidParameter("simplify", $"Metres between 0 and {MaxSimplifyM}.");
        }
        var resolved = await CountsScope.ResolveAsync(counts, AgeBandFilter.All, db, policy, options, ct);
        if (!resolved.Succeeded)
        {
            return resolved.Problem!;
        }
        var scope = resolved.Scope;
        var key = new AnswerKey(level, method.Value, smoothing.Value, permutations, request.Seed ?? Statistics.ConditionalPermutation.DefaultSeed,
            simplify, scope.ClassificationYear, scope.SchoolYear, scope.Band, policy.View, policy.MinimumCount);
        // Computed once per data version and parameters: permutations over thousands of areas cost far more than serving bytes.
        var answer = await cache.GetOrBuildAsync("hotspots", scope.DataVersion, key,
            () => AnalyseAsync(key, scope, dataSource, contiguityCache, geometryCache, layerStatistics, policy, json.Value.SerializerOptions),
            a => a.Length, ct);
        return TypedResults.File(answer, GeoJsonContentType);
    }

    private static async Task<byte[]> AnalyseAsync(AnswerKey key, CountsScope scope, NpgsqlDataSource dataSource, ContiguityCache contiguityCache,
        AreaGeometryCache geometryCache, LayerStatistics layerStatistics, DisclosurePolicy policy, System.Text.Json.JsonSerializerOptions json)
    {
        var (level, year, band, ct) = (key.Level, key.Year, scope.Band, CancellationToken.None);
        // Independent reads on separate pooled connections.
        var contiguityTask = contiguityCache.GetAsync(year, level, ct);
        var countsTask = dataSource.AreaCountsAsync(level, year, scope.SchoolYear, band.StoredValue(), ct);
        // The unplaced students as the region layer publishes them, under the same mask.
        var unplacedTask = layerStatistics.GetAsync(CollectionRegistry.Find("rmc-regions")!, scope, policy, ct);
        var geometriesTask = geometryCache.GetAsync(year, level, key.Simplify, ct);
        // The areas hidden here are the ones the map layer of the same level hides (secondary suppression included), so
        // neither output gives away what the other hides.
        var layerTask = layerStatistics.GetAsync(CollectionRegistry.Find(level == AreaLevel.Pc4 ? "postcode-areas" : "municipalities")!, scope, policy, ct);
        await Task.WhenAll(contiguityTask, countsTask, unplacedTask, geometriesTask, layerTask);
        var layer = await layerTask;
        var (contiguity, counts, unplaced, geometries) = (await contiguityTask, await countsTask, await unplacedTask, await geometriesTask);

        // Align the counts with the contiguity's order; an area the contiguity knows but the counts query does not is empty.
        var byCode = counts.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var aligned = contiguity.Codes.Select(code => byCode.GetValueOrDefault(code) ?? new AreaCounts(code, "", 0, 0)).ToList();
        // Only published areas are analysed: a hidden area's rate would enter its neighbours' Gi* or Moran (and the
        // smoothing's overall rate), and their published statistics would give its counts back. Left out, it has no
        // statistic and is nobody's neighbour, like an area without students.
        // An RMC key sees the areas of its own region exactly (the layer knows them), and they are analysed for it.
        // Hidden means the reports are (always so when the students are): the statistics are of rates. The counts
        // analysed are the layer's own, read in one snapshot with its mask, so a concurrent import cannot pair new
        // counts with an old mask.
        bool Hidden(AreaCounts a) => layer.For(a.Code).ReportsSuppressed;
        var analysed = aligned.Select(a => layer.For(a.Code) is { ReportsSuppressed: false, Students: { } s, AbsenceReports: { } r }
            ? a with { Students = s, Reports = r }
            : a with { Students = 0, Reports = 0 }).ToList();
        var statistics = await Task.Run(() => HotspotAnalysis.Run(analysed, contiguity, key.Method, key.Smoothing, key.Permutations, key.Seed));

        var features = new List<(string, string?, HotspotProperties)>(aligned.Count);
        for (var i = 0; i < aligned.Count; i++)
        {
            var (area, s) = (aligned[i], statistics[i]);
            var suppressed = Hidden(area);
            var published = layer.For(area.Code);
            features.Add((area.Code, geometries.GetValueOrDefault(area.Code),
                new HotspotProperties(area.Code, area.Name, published.Students, published.AbsenceReports, suppressed, published.ReportsPer100,
                    suppressed ? null : Finite(s.Value * 100, 4), s.Neighbours, Finite(s.Z, 6), Finite(s.P), Finite(s.PSim, 6),
                    Finite(s.PFdr), Finite(s.LocalI, 6), s.Class)));
        }
        var summary = new HotspotSummary(aligned.Count, statistics.Count(s => s.Class == AreaStatistic.NoData),
            statistics.Count(s => s.Class == nameof(Statistics.HotspotClass.NoNeighbours)),
            statistics.GroupBy(s => s.Class).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
        var gistar = key.Method == HotspotMethod.GiStar;
        var parameters = new HotspotParameters(level == AreaLevel.Pc4 ? "pc4" : "municipality", gistar ? "gistar" : "moran",
            year, key.Smoothing == RateSmoothing.EmpiricalBayes ? "eb" : "none", key.Permutations, key.Seed, key.Simplify,
            gistar ? "queen contiguity, binary, self included" : "queen contiguity, row-standardised",
            gistar
                ? "pFdr (Benjamini-Hochberg of the two-sided analytic p): 99% < 0.01, 95% < 0.05, 90% < 0.10"
                : $"pFdr (Benjamini-Hochberg of the analytic p) < {HotspotAnalysis.MoranAlpha}");
        return HotspotsAnswer.Write(parameters, summary, unplaced.Unplaced,
            scope.Provenance, features, json);
    }

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static double? Finite(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
