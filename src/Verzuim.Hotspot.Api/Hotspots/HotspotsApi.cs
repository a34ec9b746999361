using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Npgsql;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Api.Hotspots;

internal static class HotspotsApi
{
    public const string GeoJsonContentType = "application/geo+json";
    public const int MaxPermutations = 9999;
    public const double MaxSimplifyM = 1000;

    public static IServiceCollection AddHotspots(this IServiceCollection services)
    {
        services.ConfigureSwaggerGen(o => o.MapType<System.Text.Json.JsonElement>(() => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A GeoJSON geometry (RFC 7946, WGS84 lon/lat).",
        }));
        return services.AddSingleton<ContiguityCache>().AddSingleton<AreaGeometryCache>();
    }

    /// <summary>Maps /hotspots, /outliers and /trends: the three views on where absence is unusually high.</summary>
    public static IEndpointRouteBuilder MapHotspots(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/hotspots").WithTags("Hotspots")
            .MapGet("/", GetHotspots).WithName("GetHotspots")
            .WithSummary("Spatial hot and cold spots of the absence rate by place of residence (GeoJSON).")
            .WithDescription("Rate = absence reports / students living in the area (all campuses), empirical-Bayes smoothed by default. " +
                "Queen contiguity from the stored polygons. gistar: Getis-Ord Gi* (binary weights with self), class Hot/Cold 90/95/99 " +
                "from the Benjamini-Hochberg adjusted two-sided p (pFdr). moran: local Moran's I (row-standardised), class = quadrant " +
                "where pFdr < 0.05. pSim is the conditional permutation pseudo p (folded, seeded). Areas without students are NoData, " +
                "areas without neighbours NoNeighbours; students whose postcode has no area are counted under 'unplaced'.")
            .Produces<HotspotCollection>(StatusCodes.Status200OK, GeoJsonContentType);
        app.MapOutliers();
        app.MapTrends();
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

    internal static async Task<Results<JsonHttpResult<HotspotCollection>, ValidationProblem, ProblemHttpResult>> GetHotspots(
        [AsParameters] HotspotsRequest request, HotspotDbContext db, NpgsqlDataSource dataSource, ContiguityCache contiguityCache, AreaGeometryCache geometryCache,
        DisclosurePolicy policy, IOptions<GeographyOptions> options, CancellationToken ct)
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
        if (!CountsContext.TryParseAgeBand(request.AgeBand, AgeBandFilter.All, out var band))
        {
            return ProblemDetailsExtensions.InvalidParameter("ageBand", "Use all, under18 or 18plus.");
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
        if (request.SchoolYear is { } requested && !CountsContext.IsWellFormedSchoolYear(requested))
        {
            return ProblemDetailsExtensions.InvalidParameter("schoolYear", "A school year is written 2024-2025.");
        }
        if (await db.ResolveYearAsync(request.Year, options, ct) is not { } year)
        {
            return ProblemDetailsExtensions.NotFound($"Classification year {request.Year} is not loaded.");
        }
        if (await db.ResolveSchoolYearAsync(request.SchoolYear, ct) is not { } schoolYear)
        {
            return ProblemDetailsExtensions.NotFound(request.SchoolYear is null ? "No counts have been imported." : $"No counts for school year {request.SchoolYear}.");
        }

        var seed = request.Seed ?? Statistics.ConditionalPermutation.DefaultSeed;
        // Independent reads on separate pooled connections.
        var contiguityTask = contiguityCache.GetAsync(year, level, ct);
        var countsTask = dataSource.AreaCountsAsync(level, year, schoolYear.SchoolYear, band.StoredValue(), ct);
        var unplacedTask = dataSource.UnplacedCountsAsync(year, schoolYear.SchoolYear, band.StoredValue(), ct);
        var geometriesTask = geometryCache.GetAsync(year, level, simplify, ct);
        await Task.WhenAll(contiguityTask, countsTask, unplacedTask, geometriesTask);
        var (contiguity, counts, unplaced, geometries) = (await contiguityTask, await countsTask, await unplacedTask, await geometriesTask);
        var provenance = await db.ProvenanceAsync(schoolYear, band, policy, ct);

        // Align the counts with the contiguity's order; an area the contiguity knows but the counts query does not is empty.
        var byCode = counts.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var aligned = contiguity.Codes.Select(code => byCode.GetValueOrDefault(code) ?? new AreaCounts(code, "", 0, 0)).ToList();
        var statistics = await Task.Run(() => HotspotAnalysis.Run(aligned, contiguity, method.Value, smoothing.Value, permutations, seed), ct);

        var features = new List<HotspotFeature>(aligned.Count);
        for (var i = 0; i < aligned.Count; i++)
        {
            var (area, s) = (aligned[i], statistics[i]);
            var suppressed = policy.IsSmall(area.Students) || policy.IsSmall(area.Reports);
            var published = PublishedCounts.Of(area.Students, area.Reports, suppressed);
            features.Add(new HotspotFeature("Feature", area.Code, geometries.TryGetValue(area.Code, out var g) ? g : null,
                new HotspotProperties(area.Code, area.Name, published.Students, published.AbsenceReports, suppressed, published.ReportsPer100,
                    suppressed ? null : Finite(s.Value * 100, 4), s.Neighbours, Finite(s.Z, 6), Finite(s.P), Finite(s.PSim, 6),
                    Finite(s.PFdr), Finite(s.LocalI, 6), s.Class)));
        }
        var summary = new HotspotSummary(aligned.Count, statistics.Count(s => s.Class == AreaStatistic.NoData),
            statistics.Count(s => s.Class == nameof(Statistics.HotspotClass.NoNeighbours)),
            statistics.GroupBy(s => s.Class).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
        var unplacedSuppressed = policy.IsSmall(unplaced.Students) || policy.IsSmall(unplaced.Reports);
        var parameters = new HotspotParameters(level == AreaLevel.Pc4 ? "pc4" : "municipality", method == HotspotMethod.GiStar ? "gistar" : "moran",
            year, smoothing == RateSmoothing.EmpiricalBayes ? "eb" : "none", permutations, seed, simplify,
            method == HotspotMethod.GiStar ? "queen contiguity, binary, self included" : "queen contiguity, row-standardised",
            method == HotspotMethod.GiStar
                ? "pFdr (Benjamini-Hochberg of the two-sided analytic p): 99% < 0.01, 95% < 0.05, 90% < 0.10"
                : $"pFdr (Benjamini-Hochberg of the analytic p) < {HotspotAnalysis.MoranAlpha}");
        var collection = new HotspotCollection("FeatureCollection", "hotspots", parameters, summary,
            PublishedCounts.Of(unplaced.Students, unplaced.Reports, unplacedSuppressed), provenance, features);
        return TypedResults.Json(collection, contentType: GeoJsonContentType);
    }

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static double? Finite(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
