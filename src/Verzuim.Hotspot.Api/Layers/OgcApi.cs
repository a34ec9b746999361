using Microsoft.Extensions.Primitives;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>OGC API - Features Part 1 (Core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS by reference) over the layers.</summary>
internal static class OgcApi
{
    private const string Json = "application/json";
    private const string OpenApiType = "application/vnd.oai.openapi+json;version=3.0";

    public static IReadOnlyList<string> ConformanceClasses { get; } =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ];

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Map layers (OGC API Features)").WithDataVersionCaching();
        group.MapGet("/", GetLandingPage).WithName("OgcLandingPage")
            .WithSummary("OGC API landing page.")
            .WithDescription("Links to the API definition, the conformance declaration and the feature collections.");
        group.MapGet("/conformance", GetConformance).WithName("OgcConformance")
            .WithSummary("OGC API conformance classes.")
            .WithDescription("Features Part 1 core, GeoJSON and OpenAPI 3.0, and Part 2 (CRS by reference).");
        group.MapGet("/collections", GetCollections).WithName("OgcCollections")
            .WithSummary("The feature collections: rmc-regions, municipalities, postcode-areas, campuses and flow-lines.");
        group.MapGet("/collections/{collectionId}", GetCollection).WithName("OgcCollection")
            .WithSummary("One feature collection: extent, supported CRS, links to items and tiles.");
        group.MapGet("/collections/{collectionId}/items", GetItems).WithName("OgcItems")
            .CacheOutput(DataVersionOutputCachePolicy.Name)
            .WithSummary("Features of a collection as GeoJSON, paged, with statistics for a school year and age band.")
            .WithDescription("Parameters: bbox, bbox-crs, limit (default 100, at most 10000), offset, crs (CRS84 default, " +
                "EPSG:4326 lat/lon, EPSG:28992), properties, precision, simplify (metres) or zoom, schoolYear, ageBand, and " +
                "equality filters on queryable properties (e.g. rmc=MC21, brin=25LX). Counts from 1 to 4 are suppressed.");
        group.MapGet("/collections/{collectionId}/items/{featureId}", GetItem).WithName("OgcItem")
            .WithSummary("One feature as GeoJSON.");
        return app;
    }

    private static Ok<LandingPage> GetLandingPage(HttpRequest request)
    {
        var root = request.Root();
        return TypedResults.Ok(new LandingPage("Verzuim.Hotspot map layers",
            "Where Dutch mbo students come from and where absence reports pile up, as OGC API Features and vector tiles.",
            [
                new(root + "/", "self", Json, "This document"),
                new(root + OpenApiExtensions.DocumentPath, "service-desc", OpenApiType, "The API definition (OpenAPI 3.0)"),
                new(root + "/swagger", "service-doc", "text/html", "The API documentation"),
                new(root + "/conformance", "conformance", Json, "Conformance classes"),
                new(root + "/collections", "data", Json, "The feature collections"),
            ]));
    }

    private static Ok<ConformanceDeclaration> GetConformance() => TypedResults.Ok(new ConformanceDeclaration(ConformanceClasses));

    private static async Task<Ok<CollectionsDocument>> GetCollections(HttpRequest request, NpgsqlDataSource dataSource,
        IOptions<GeographyOptions> options, CancellationToken ct)
    {
        var extent = await LayerExtent.ReadAsync(dataSource, options.Value.ClassificationYear, ct);
        var root = request.Root();
        return TypedResults.Ok(new CollectionsDocument(
            [new(root + "/collections", "self", Json, "The feature collections")],
            [.. CollectionRegistry.All.Select(c => Describe(c, root, extent))],
            LayerCrs.Uris));
    }

    private static async Task<Results<Ok<CollectionDocument>, ProblemHttpResult>> GetCollection(string collectionId, HttpRequest request,
        NpgsqlDataSource dataSource, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        if (CollectionRegistry.Find(collectionId) is not { } collection)
        {
            return UnknownCollection(collectionId);
        }
        var extent = await LayerExtent.ReadAsync(dataSource, options.Value.ClassificationYear, ct);
        return TypedResults.Ok(Describe(collection, request.Root(), extent));
    }

    private static CollectionDocument Describe(LayerCollection c, string root, double[]? extent)
    {
        var self = $"{root}/collections/{c.Id}";
        return new CollectionDocument(c.Id, c.Title, c.Description, "feature", c.GeometryType, LayerCrs.Uris, LayerCrs.RdNew.Uri,
            new CollectionExtent(new SpatialExtent(extent is null ? [] : [extent], LayerCrs.Crs84.Uri)),
            [
                new(self, "self", Json, c.Title),
                new(self + "/items", "items", FeaturesResult.GeoJson, c.Title + " as GeoJSON"),
                new(self + "/tiles/WebMercatorQuad/tilejson.json", "describedby", Json, c.Title + " as vector tiles (TileJSON)"),
            ]);
    }

    private static async Task<Results<FeaturesResult, ValidationProblem, ProblemHttpResult>> GetItems(string collectionId,
        [AsParameters] ItemsQuery query, [AsParameters] CountsQuery counts, HttpRequest request, NpgsqlDataSource dataSource, HotspotDbContext db,
        LayerStatistics layerStatistics, DisclosurePolicy policy, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        var resolution = await LayerRequest.ResolveAsync(collectionId, query, counts, request, single: false, db, layerStatistics, policy, options, ct);
        if (resolution.Failed)
        {
            return resolution.Problem;
        }
        var (collection, items, statistics, year) = resolution.Request;

        var connection = await dataSource.OpenConnectionAsync(ct);
        var matched = await CountAsync(connection, LayerSql.Count(connection, collection, items, year, statistics.Table), ct);
        var returned = (int)Math.Clamp(matched - items.Offset, 0, items.Limit);
        var self = request.Root() + request.Path;
        var links = new List<OgcLink>
        {
            new(self + request.QueryString, "self", FeaturesResult.GeoJson, "This page"),
            new($"{request.Root()}/collections/{collection.Id}", "collection", Json, collection.Title),
        };
        if (items.Offset + returned < matched)
        {
            links.Add(new(self + WithOffset(request.Query, items.Offset + items.Limit), "next", FeaturesResult.GeoJson, "Next page"));
        }
        if (items.Offset > 0)
        {
            links.Add(new(self + WithOffset(request.Query, Math.Max(0, items.Offset - items.Limit)), "prev", FeaturesResult.GeoJson, "Previous page"));
        }
        var command = LayerSql.Items(connection, collection, items, year, statistics.Table, featureId: null);
        return new FeaturesResult(connection, command, collection, items, statistics.Table, statistics.Provenance, links, matched, returned);
    }

    private static async Task<Results<FeaturesResult, ValidationProblem, ProblemHttpResult>> GetItem(string collectionId, string featureId,
        [AsParameters] ItemsQuery query, [AsParameters] CountsQuery counts, HttpRequest request, NpgsqlDataSource dataSource, HotspotDbContext db,
        LayerStatistics layerStatistics, DisclosurePolicy policy, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        var resolution = await LayerRequest.ResolveAsync(collectionId, query, counts, request, single: true, db, layerStatistics, policy, options, ct);
        if (resolution.Failed)
        {
            return resolution.Problem;
        }
        var (collection, items, statistics, year) = resolution.Request;
        var connection = await dataSource.OpenConnectionAsync(ct);
        var exists = LayerSql.Count(connection, collection, items, year, statistics.Table);
        exists.CommandText += $" and ({collection.IdSql})::text = @id";
        exists.Parameters.AddWithValue("id", featureId);
        var found = await CountAsync(connection, exists, ct);
        if (found == 0)
        {
            await connection.DisposeAsync();
            return ProblemDetailsExtensions.NotFound($"Collection {collection.Id} has no feature {featureId}.");
        }
        var self = request.Root() + request.Path;
        OgcLink[] links =
        [
            new(self + request.QueryString, "self", FeaturesResult.GeoJson, "This feature"),
            new($"{request.Root()}/collections/{collection.Id}", "collection", Json, collection.Title),
        ];
        var command = LayerSql.Items(connection, collection, items, year, statistics.Table, featureId);
        return new FeaturesResult(connection, command, collection, items, statistics.Table, statistics.Provenance, links, null, null);
    }

    /// <summary>
    /// Runs a count on the connection the features will stream from. On failure the connection is disposed here; on
    /// success the <see cref="FeaturesResult"/> owns it and disposes it after streaming.
    /// </summary>
    private static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlCommand count, CancellationToken ct)
    {
        try
        {
            await using (count)
            {
                return (long)(await count.ExecuteScalarAsync(ct))!;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal static ProblemHttpResult UnknownCollection(string id) =>
        ProblemDetailsExtensions.NotFound($"There is no collection '{id}'. Collections: {string.Join(", ", CollectionRegistry.All.Select(c => c.Id))}.");

    /// <summary>Scheme, host and path base of the request, for absolute links.</summary>
    internal static string Root(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string WithOffset(IQueryCollection query, int offset)
    {
        var values = query.Where(q => q.Key != "offset").ToDictionary(q => q.Key, q => q.Value);
        values["offset"] = new StringValues(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return QueryString.Create(values).ToString();
    }
}
