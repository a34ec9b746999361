namespace Verzuim.Hotspot.Api.Institutions;

internal static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutions(this IEndpointRouteBuilder app)
    {
        var institutions = app.MapGroup("/institutions").WithTags("Institutions");
        institutions.MapGet("/", ListInstitutions).WithName("ListInstitutions")
            .WithSummary("All mbo institutions (BRIN) with their number of campuses.");
        institutions.MapGet("/{brin}", GetInstitution).WithName("GetInstitution")
            .WithSummary("One institution with its campuses, each with its municipality and RMC region.");

        app.MapGroup("/campuses").WithTags("Institutions")
            .MapGet("/{brinvest}", GetCampus).WithName("GetCampus")
            .WithSummary("One campus (BRIN + two-digit vestiging, e.g. 25LX01): address, point, municipality, RMC region and how it was placed.");
        return app;
    }

    private static async Task<Ok<List<InstitutionSummary>>> ListInstitutions(HotspotDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Institutions.AsNoTracking()
            .OrderBy(i => i.Brin)
            .Select(i => new InstitutionSummary(i.Brin, i.Name, i.Website, db.Campuses.Count(c => c.Brin == i.Brin)))
            .ToListAsync(ct));

    private static async Task<Results<Ok<InstitutionDetail>, ValidationProblem, ProblemHttpResult>> GetInstitution(
        string brin, HotspotDbContext db, IOptions<GeographyOptions> options, int? year, CancellationToken ct)
    {
        if (!Codes.TryBrin(brin, out var code))
        {
            return ProblemDetailsExtensions.InvalidParameter("brin", "A BRIN is four characters: two digits and two letters or digits, e.g. 25LX.");
        }
        if (await db.ResolveYearAsync(year, options, ct) is not { } y)
        {
            return ClassificationYears.NotLoaded(year, options);
        }
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Brin == code, ct);
        if (institution is null)
        {
            return ProblemDetailsExtensions.NotFound($"Institution {code} is not known.");
        }
        var campuses = await db.CampusesAsync(y, code, null, ct);
        return TypedResults.Ok(new InstitutionDetail(institution.Brin, institution.Name, institution.Website, y, campuses));
    }

    private static async Task<Results<Ok<CampusWithInstitution>, ValidationProblem, ProblemHttpResult>> GetCampus(
        string brinvest, HotspotDbContext db, IOptions<GeographyOptions> options, int? year, CancellationToken ct)
    {
        if (!Codes.TryBrinVest(brinvest, out var code))
        {
            return ProblemDetailsExtensions.InvalidParameter("brinvest", "A campus code is a BRIN plus a two-digit vestiging number, e.g. 25LX01.");
        }
        if (await db.ResolveYearAsync(year, options, ct) is not { } y)
        {
            return ClassificationYears.NotLoaded(year, options);
        }
        var campus = (await db.CampusesAsync(y, null, code, ct)).SingleOrDefault();
        if (campus is null)
        {
            return ProblemDetailsExtensions.NotFound($"Campus {code} is not known.");
        }
        var institutionName = await db.Institutions.Where(i => i.Brin == campus.Brin).Select(i => i.Name).SingleAsync(ct);
        return TypedResults.Ok(new CampusWithInstitution(new CodeName(campus.Brin, institutionName), y, campus));
    }
}
