namespace Verzuim.Hotspot.Api.Municipalities;

internal sealed record MunicipalityDetail(string Code, string Name, int ClassificationYear, CodeName RmcRegion,
    bool IsContactMunicipality, int? Population, int Pc4Areas, double AreaKm2);

internal static class MunicipalitiesApi
{
    public static IEndpointRouteBuilder MapMunicipalities(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/municipalities").WithTags("Municipalities")
            .MapGet("/{code}", GetMunicipality).WithName("GetMunicipality")
            .WithSummary("One municipality (GMxxxx) with its RMC region.");
        return app;
    }

    private static async Task<Results<Ok<MunicipalityDetail>, ValidationProblem, ProblemHttpResult>> GetMunicipality(
        string code, HotspotDbContext db, IOptions<GeographyOptions> options, int? year, CancellationToken ct)
    {
        if (!Codes.TryMunicipality(code, out var gm))
        {
            return ProblemDetailsExtensions.InvalidParameter("code", "A municipality code is GM followed by four digits, e.g. GM0363.");
        }
        if (await db.ResolveYearAsync(year, options, ct) is not { } y)
        {
            return ClassificationYears.NotLoaded(year, options);
        }
        var municipality = await (
            from m in db.Municipalities.AsNoTracking()
            where m.ClassificationYear == y && m.Code == gm
            join r in db.RmcRegions on new { m.ClassificationYear, Code = m.RmcCode } equals new { r.ClassificationYear, r.Code }
            select new MunicipalityDetail(m.Code, m.Name, y, new CodeName(r.Code, r.Name), r.ContactMunicipalityCode == m.Code,
                m.Population, db.Pc4Areas.Count(p => p.ClassificationYear == y && p.MunicipalityCode == m.Code),
                Math.Round(m.Geometry.Area / 1e6, 3))
        ).SingleOrDefaultAsync(ct);
        return municipality is null
            ? ProblemDetailsExtensions.NotFound($"Municipality {gm} does not exist in {y}.")
            : TypedResults.Ok(municipality);
    }
}
