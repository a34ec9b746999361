namespace Verzuim.Hotspot.Api.Layers;

/// <summary>Mapbox vector tiles (ST_AsMVT) of each collection in the WebMercatorQuad tile matrix set, with TileJSON.</summary>
internal static class TilesApi
{
    public const string MvtType = "application/vnd.mapbox-vector-tile";

    private const double WebMercatorHalf = 20037508.342789244;

    // The Netherlands in EPSG:3857, generously: tiles outside it are empty without asking the database.
    private static readonly (double X0, double Y0, double X1, double Y1) Netherlands = (300_000, 6_450_000, 880_000, 7_200_000);

    public const int MaxZoom = 18;

    public static IEndpointRouteBuilder MapLayerTiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/collections/{collectionId}/tiles/WebMercatorQuad").WithTags("Map layers (vector tiles)")
            .WithDataVersionCaching();
        group.MapGet("/{z:int}/{x:int}/{y:int}", GetTile).WithName("LayerTile")
            .WithSummary("One Mapbox vector tile of a collection (WebMercatorQuad); 204 when the tile is empty.")
            .WithDescription("Layer name = collection id; attributes = the collection's properties and id. Flow lines use " +
                "the latest school year with counts unless schoolYear is given.")
            .Produces(StatusCodes.Status200OK, contentType: MvtType);
        group.MapGet("/tilejson.json", GetTileJson).WithName("LayerTileJson")
            .WithSummary("TileJSON 3.0 for a collection's vector tiles (MapLibre, OpenLayers, QGIS).");
        return app;
    }

    private sealed record TileKey(string Collection, int Z, int X, int Y, int Year, string? SchoolYear, AgeBandFilter Band, string View);

    private static async Task<Results<FileContentHttpResult, NoContent, ValidationProblem, ProblemHttpResult>> GetTile(
        string collectionId, int z, int x, int y, [AsParameters] CountsQuery query, HttpContext http, NpgsqlDataSource dataSource,
        HotspotDbContext db, LayerStatistics statistics, LayerTileCache cache, DisclosurePolicy policy, IOptions<GeographyOptions> options,
        CancellationToken ct)
    {
        if (CollectionRegistry.Find(collectionId) is not { } collection)
        {
            return OgcApi.UnknownCollection(collectionId);
        }
        if (!TileMath.IsValid(z, x, y) || z > MaxZoom)
        {
            return ProblemDetailsExtensions.InvalidParameter("z", $"z/x/y must be a WebMercatorQuad tile with z from 0 to {MaxZoom}.");
        }
        // Only flow lines carry counts; the other layers need the shared parameters checked, not resolved, so a tile
        // of them costs no query beyond the data version.
        if (CountsScope.Check(query, AgeBandFilter.All, out _, out var band, out var requestedYear) is { } invalid)
        {
            return invalid;
        }
        var year = requestedYear ?? options.Value.ClassificationYear;
        if (requestedYear is not null && !await db.IsClassificationYearLoadedAsync(year, ct))
        {
            return ClassificationYears.NotLoaded(year);
        }
        if (Clip(z, x, y) is not { } clipped)
        {
            return TypedResults.NoContent();
        }
        CountsScope? scope = null;
        if (collection.Statistics == LayerStatisticsKind.Flow)
        {
            var counts = await CountsScope.ResolveAsync(query, AgeBandFilter.All, db, policy, options, ct, countsOptional: true);
            if (counts.Problem is { } problem)
            {
                return problem;
            }
            scope = counts.Scope;
        }
        var version = await http.ReadDataVersionAsync(ct);
        var key = new TileKey(collection.Id, z, x, y, year, scope?.SchoolYear, band, policy.View);
        var tile = await cache.GetOrBuildAsync(LayerTileCache.Family, version, key, async () =>
        {
            var table = scope is null ? null : await statistics.GetAsync(collection, scope, policy, CancellationToken.None);
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = LayerSql.Tile(connection, collection, z, x, y, clipped, year, table);
            return await command.ExecuteScalarAsync() as byte[] ?? [];
        }, t => t.Length + 256, ct);
        return Tile(tile);
    }

    private static Results<FileContentHttpResult, NoContent, ValidationProblem, ProblemHttpResult> Tile(byte[] tile) =>
        tile.Length > 0 ? TypedResults.File(tile, MvtType) : TypedResults.NoContent();

    /// <summary>The tile's envelope (with the 64-unit buffer ST_AsMVTGeom keeps) clipped to the Netherlands, or null when outside.</summary>
    private static (double, double, double, double)? Clip(int z, int x, int y)
    {
        var size = 2 * WebMercatorHalf / Math.Pow(2, z);
        var buffer = size * 64 / 4096;
        var x0 = -WebMercatorHalf + (x * size) - buffer;
        var x1 = -WebMercatorHalf + ((x + 1) * size) + buffer;
        var y1 = WebMercatorHalf - (y * size) + buffer;
        var y0 = WebMercatorHalf - ((y + 1) * size) - buffer;
        var (cx0, cy0, cx1, cy1) = (Math.Max(x0, Netherlands.X0), Math.Max(y0, Netherlands.Y0), Math.Min(x1, Netherlands.X1), Math.Min(y1, Netherlands.Y1));
        return cx0 < cx1 && cy0 < cy1 ? (cx0, cy0, cx1, cy1) : null;
    }

    private static async Task<Results<Ok<TileJson>, ProblemHttpResult>> GetTileJson(string collectionId, HttpRequest request,
        NpgsqlDataSource dataSource, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        if (CollectionRegistry.Find(collectionId) is not { } collection)
        {
            return OgcApi.UnknownCollection(collectionId);
        }
        var extent = await LayerExtent.ReadAsync(dataSource, options.Value.ClassificationYear, ct) ?? [-180, -85.05, 180, 85.05];
        var fields = collection.Properties.ToDictionary(p => p.Name, p => p.Type switch
        {
            LayerPropertyType.Integer or LayerPropertyType.Number => "Number",
            LayerPropertyType.Boolean => "Boolean",
            _ => "String",
        });
        fields["id"] = "String";
        var tiles = $"{request.Root()}/collections/{collection.Id}/tiles/WebMercatorQuad/{{z}}/{{x}}/{{y}}";
        return TypedResults.Ok(new TileJson("3.0.0", collection.Title, collection.Description, [tiles], 0, MaxZoom, extent,
            [new VectorLayer(collection.Id, collection.Description, fields)]));
    }
}
