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
        if (await db.ResolveYearAsync(point.Year, options, ct) is not { } year)
        {
            return ClassificationYears.NotLoaded(point.Year, options);
        }
        var area = point.InRegion ? await MunicipalityAt(db, year, point.Rd).FirstOrDefaultAsync(ct) : null;
        if (area is null)
        {
            return ProblemDetailsExtensions.NotFound(string.Create(CultureInfo.InvariantCulture,
                $"No municipality of {year} holds the point lon {point.Lon:0.######}, lat {point.Lat:0.######} (RD {point.X:0.##}, {point.Y:0.##})."));
        }
        var pc4 = await Pc4At(db, year, point.Rd).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new LocateResponse(point.Coordinates, year, pc4, area.Municipality, area.RmcRegion));
    }

    // ST_Covers rather than ST_Contains: a point on a border still belongs somewhere; the lowest code decides a tie.
    internal static IQueryable<LocatedMunicipality> MunicipalityAt(HotspotDbContext db, int year, Point rd) =>
        from m in db.Municipalities.AsNoTracking()
        where m.ClassificationYear == year && m.Geometry.Covers(rd)
        join r in db.RmcRegions on new { m.ClassificationYear, Code = m.RmcCode } equals new { r.ClassificationYear, r.Code }
        orderby m.Code
        select new LocatedMunicipality(new CodeName(m.Code, m.Name), new CodeName(r.Code, r.Name));

    internal static IQueryable<string> Pc4At(HotspotDbContext db, int year, Point rd) =>
        from p in db.Pc4Areas.AsNoTracking()
        where p.ClassificationYear == year && p.Geometry != null && p.Geometry.Covers(rd)
        orderby p.Code
        select p.Code;
}

internal sealed record LocatedMunicipality(CodeName Municipality, CodeName RmcRegion);
