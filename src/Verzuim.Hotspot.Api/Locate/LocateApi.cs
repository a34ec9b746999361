using NetTopologySuite.Geometries;

namespace Verzuim.Hotspot.Api.Locate;

internal static class LocateApi
{
    public static IEndpointRouteBuilder MapLocate(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/locate").WithTags("Locate")
            .MapGet("", Locate).WithName("Locate")
            .WithSummary("The PC4, municipality and RMC region at a point, as a map click needs.")
            .WithDescription("Give lon and lat (WGS84), or x and y with crs (EPSG:28992 metres by default, CRS84, or EPSG:4326 " +
                "in its lat/lon order). The point is transformed to RD New and tested against the stored polygons of the " +
                "classification year. 404 when no municipality holds it (at sea, abroad). The PC4 is the area containing " +
                "the point; /postcodes/{pc4} tells where its residents are counted.");
        return app;
    }

    private static async Task<Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult>> Locate(
        [AsParameters] LocateQuery query, HotspotDbContext db, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        if (!LocatePoint.TryParse(query, out var point, out var problem))
        {
            return problem!;
        }
        // One round trip when the point lies somewhere: a municipality found for the year proves the year is loaded,
        // so whether it is loaded is asked only to tell the two 404s apart.
        var year = point.Year ?? options.Value.ClassificationYear;
        var areas = point.InRegion ? await AreasAt(db, year, point.Rd).FirstOrDefaultAsync(ct) : null;
        if (areas is null)
        {
            return await db.IsClassificationYearLoadedAsync(year, ct)
                ? ProblemDetailsExtensions.NotFound(string.Create(CultureInfo.InvariantCulture,
                    $"No municipality of {year} holds the point lon {point.Lon:0.######}, lat {point.Lat:0.######} (RD {point.X:0.##}, {point.Y:0.##})."))
                : ClassificationYears.NotLoaded(year);
        }
        return TypedResults.Ok(new LocateResponse(point.Coordinates, year, areas.Pc4, areas.Municipality, areas.RmcRegion));
    }

    // ST_Covers rather than ST_Contains: a point on a border still belongs somewhere; the lowest code decides a tie.
    // The PC4 is looked up inside the same statement; municipalities cover all land, so no PC4 is missed that way.
    internal static IQueryable<LocatedAreas> AreasAt(HotspotDbContext db, int year, Point rd) =>
        from m in db.Municipalities.AsNoTracking()
        where m.ClassificationYear == year && m.Geometry.Covers(rd)
        join r in db.RmcRegions on new { m.ClassificationYear, Code = m.RmcCode } equals new { r.ClassificationYear, r.Code }
        orderby m.Code
        select new LocatedAreas(new CodeName(m.Code, m.Name), new CodeName(r.Code, r.Name),
            db.Pc4Areas.Where(p => p.ClassificationYear == year && p.Geometry != null && p.Geometry.Covers(rd))
                .OrderBy(p => p.Code).Select(p => p.Code).FirstOrDefault());
}

internal sealed record LocatedAreas(CodeName Municipality, CodeName RmcRegion, string? Pc4);
