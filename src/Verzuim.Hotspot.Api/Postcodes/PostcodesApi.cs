namespace Verzuim.Hotspot.Api.Postcodes;

internal sealed record PostcodePlacement(PlacementMethod Method, double? AddressShare, string Explanation);

internal sealed record PostcodeDetail(string Postcode, string Pc4, bool ReducedToPc4, int ClassificationYear,
    CodeName? Municipality, CodeName? RmcRegion, PostcodePlacement Placement, bool HasGeometry, int? Population15To25);

internal static class PostcodesApi
{
    public static IEndpointRouteBuilder MapPostcodes(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/postcodes").WithTags("Postcodes")
            .MapGet("/{postcode}", GetPostcode).WithName("GetPostcode")
            .WithSummary("The municipality and RMC region of a PC4 or PC6 postcode, and how that was decided.")
            .WithDescription("Spaces and case are tolerated (1012AB, 1012 ab, 1012). A PC6 is reduced to its PC4: " +
                "the service places residence at PC4 level.");
        return app;
    }

    private static async Task<Results<Ok<PostcodeDetail>, ValidationProblem, ProblemHttpResult>> GetPostcode(
        string postcode, HotspotDbContext db, IOptions<GeographyOptions> options, int? year, CancellationToken ct)
    {
        if (!Codes.TryPostcode(postcode, out var canonical, out var pc4))
        {
            return ProblemDetailsExtensions.InvalidParameter("postcode",
                "A postcode is four digits (not starting with 0), optionally followed by two letters: 1012, 1012AB or 1012 AB.");
        }
        if (await db.ResolveYearAsync(year, options, ct) is not { } y)
        {
            return ClassificationYears.NotLoaded(year, options);
        }
        var area = await (
            from p in db.Pc4Areas.AsNoTracking()
            where p.ClassificationYear == y && p.Code == pc4
            from m in db.Municipalities.Where(m => m.ClassificationYear == y && m.Code == p.MunicipalityCode).DefaultIfEmpty()
            from r in db.RmcRegions.Where(r => r.ClassificationYear == y && m != null && r.Code == m.RmcCode).DefaultIfEmpty()
            select new
            {
                p.PlacementMethod, p.AddressShare, HasGeometry = p.Geometry != null, p.Population15To25,
                MunicipalityCode = m == null ? null : m.Code, MunicipalityName = m == null ? null : m.Name,
                RmcCode = r == null ? null : r.Code, RmcName = r == null ? null : r.Name,
            }).SingleOrDefaultAsync(ct);
        if (area is null)
        {
            return ProblemDetailsExtensions.NotFound($"Postcode area {pc4} is not known in {y}.");
        }
        var explanation = area.PlacementMethod switch
        {
            PlacementMethod.Addresses => $"{area.AddressShare:P0} of the addresses in {pc4} lie in {area.MunicipalityName} (CBS address crosswalk).",
            PlacementMethod.LargestOverlap => $"No addresses are known for {pc4}; {area.MunicipalityName} covers most of its area.",
            _ => $"{pc4} has neither addresses nor a usable polygon; it is counted as unplaced.",
        };
        return TypedResults.Ok(new PostcodeDetail(canonical, pc4, canonical.Length > 4, y,
            area.MunicipalityCode is null ? null : new CodeName(area.MunicipalityCode, area.MunicipalityName!),
            area.RmcCode is null ? null : new CodeName(area.RmcCode, area.RmcName!),
            new PostcodePlacement(area.PlacementMethod, area.AddressShare, explanation), area.HasGeometry, area.Population15To25));
    }
}
