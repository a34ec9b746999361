namespace Verzuim.Hotspot.Api.Regions;

internal static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/rmc-regions").WithTags("RMC regions");
        group.MapGet("/", ListRegions).WithName("ListRmcRegions")
            .WithSummary("All RMC regions of a classification year with their contact municipality.");
        group.MapGet("/{code}", GetRegion).WithName("GetRmcRegion")
            .WithSummary("One RMC region: member municipalities, contact municipality (and whether it is assumed), extent.");
        return app;
    }

    private static async Task<Results<Ok<List<RegionSummary>>, ProblemHttpResult>> ListRegions(
        HotspotDbContext db, IOptions<GeographyOptions> options, int? year, CancellationToken ct)
    {
        if (await db.ResolveYearAsync(year, options, ct) is not { } y)
        {
            return ClassificationYears.NotLoaded(year, options);
        }
        var regions = await (
            from r in db.RmcRegions.AsNoTracking()
            where r.ClassificationYear == y
            join m in db.Municipalities on new { r.ClassificationYear, Code = r.ContactMunicipalityCode } equals new { m.ClassificationYear, m.Code }
            orderby r.Code
            select new RegionSummary(r.Code, r.Name, y, new ContactMunicipality(m.Code, m.Name, r.ContactMunicipalityAssumed),
                db.Municipalities.Count(x => x.ClassificationYear == y && x.RmcCode == r.Code))
        ).ToListAsync(ct);
        return TypedResults.Ok(regions);
    }

    private sealed record RegionExtent(double AreaKm2, double Lon, double Lat, double MinLon, double MinLat, double MaxLon, double MaxLat);

    private static async Task<Results<Ok<RegionDetail>, ValidationProblem, ProblemHttpResult>> GetRegion(
        string code, HotspotDbContext db, IOptions<GeographyOptions> options, int? year, CancellationToken ct)
    {
        if (!Codes.TryRmc(code, out var rmc))
        {
            return ProblemDetailsExtensions.InvalidParameter("code", "An RMC region code is MC followed by two digits, e.g. MC21.");
        }
        if (await db.ResolveYearAsync(year, options, ct) is not { } y)
        {
            return ClassificationYears.NotLoaded(year, options);
        }
        var region = await db.RmcRegions.AsNoTracking()
            .Where(r => r.ClassificationYear == y && r.Code == rmc)
            .Select(r => new { r.Code, r.Name, r.ContactMunicipalityCode, r.ContactMunicipalityAssumed })
            .SingleOrDefaultAsync(ct);
        if (region is null)
        {
            return ProblemDetailsExtensions.NotFound($"RMC region {rmc} does not exist in {y}.");
        }
        var members = await db.Municipalities.AsNoTracking()
            .Where(m => m.ClassificationYear == y && m.RmcCode == rmc)
            .OrderBy(m => m.Name)
            .Select(m => new RegionMember(m.Code, m.Name, m.Population))
            .ToListAsync(ct);
        var extent = await db.Database.SqlQuery<RegionExtent>($"""
            select ST_Area(geometry) / 1e6 as area_km2,
                   ST_X(ST_Transform(representative_point, 4326)) as lon, ST_Y(ST_Transform(representative_point, 4326)) as lat,
                   ST_XMin(b) as min_lon, ST_YMin(b) as min_lat, ST_XMax(b) as max_lon, ST_YMax(b) as max_lat
            from rmc_regions, ST_Transform(ST_Envelope(geometry), 4326) as b
            where classification_year = {y} and code = {rmc}
            """).SingleAsync(ct);
        var contact = members.Single(m => m.Code == region.ContactMunicipalityCode);
        return TypedResults.Ok(new RegionDetail(region.Code, region.Name, y,
            new ContactMunicipality(contact.Code, contact.Name, region.ContactMunicipalityAssumed), members,
            Math.Round(extent.AreaKm2, 3), new LonLat(extent.Lon, extent.Lat),
            [extent.MinLon, extent.MinLat, extent.MaxLon, extent.MaxLat]));
    }
}
