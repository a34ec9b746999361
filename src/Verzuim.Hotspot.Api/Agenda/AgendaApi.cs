using System.ComponentModel;
using Verzuim.Hotspot.Api.Flows;

namespace Verzuim.Hotspot.Api.Agenda;

/// <summary>
/// Who must agree an absence agenda with whom: an institution's (or campus's) partner RMC regions, a region's institutions,
/// and all tables at once. Every answer is read from the same suppressed matrices as GET /flows, so no endpoint shows a
/// cell another one hides.
/// </summary>
internal static class AgendaApi
{
    private const double DefaultCoverage = 0.8;
    private const double DefaultMinShare = 0.02;

    public static IEndpointRouteBuilder MapAgenda(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/institutions").WithTags("Agenda")
            .MapGet("/{brin}/agenda-partners", GetInstitutionPartners).WithName("GetInstitutionAgendaPartners").AsComputedAnswer()
            .WithSummary("The RMC regions an institution must agree its absence agenda with: those sending `coverage` of its students, plus any above minShare.")
            .WithDescription("Each partner names its contact municipality (and whether it is assumed), students, share, cumulative share, absence " +
                "reports, rate and the campuses those students attend. The response states the rule it applied. ageBand defaults to 18plus.");
        app.MapGroup("/campuses").WithTags("Agenda")
            .MapGet("/{brinvest}/agenda-partners", GetCampusPartners).WithName("GetCampusAgendaPartners").AsComputedAnswer()
            .WithSummary("The RMC regions one campus must agree its absence agenda with (same rule as for institutions).");
        app.MapGroup("/rmc-regions").WithTags("Agenda")
            .MapGet("/{code}/institutions", GetRegionInstitutions).WithName("GetRmcRegionInstitutions").AsComputedAnswer()
            .WithSummary("The institutions and campuses that take a region's students, ranked, with share of the region's students and cumulative share.")
            .WithDescription("ageBand defaults to 18plus.");
        app.MapGroup("/agenda-tables").WithTags("Agenda")
            .MapGet("/", GetAgendaTables).WithName("GetAgendaTables").AsComputedAnswer()
            .WithSummary("Every institution's agenda table (its partner regions), how many tables each RMC region sits at, and a national summary.");
        return app;
    }

    internal static async Task<Results<Ok<AgendaPartnersResponse>, ValidationProblem, ProblemHttpResult>> GetInstitutionPartners(
        string brin, HotspotDbContext db, DisclosurePolicy policy, FlowMatrixSource source, IOptions<GeographyOptions> geography,
        [AsParameters] CountsQuery counts,
        [Description("Share of the institution's students the partners must reach together, above 0 and at most 1 (default 0.8).")] double? coverage,
        [Description("Any region with at least this share is a partner too (default 0.02).")] double? minShare,
        CancellationToken ct)
    {
        if (!Codes.TryBrin(brin, out var code))
        {
            return ProblemDetailsExtensions.InvalidParameter("brin", "A BRIN is four characters: two digits and two letters or digits, e.g. 25LX.");
        }
        return await WithRuleAsync<AgendaPartnersResponse>(counts, db, policy, geography, coverage, minShare, async (scope, cov, min) =>
        {
            var name = await db.Institutions.AsNoTracking().Where(i => i.Brin == code).Select(i => i.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return ProblemDetailsExtensions.NotFound($"Institution {code} is not known.");
            }
            var institutions = await source.GetAsync(scope, FlowDimension.Institution, policy, ct);
            var campuses = await source.GetAsync(scope, FlowDimension.Campus, policy, ct);
            return TypedResults.Ok(Partners(institutions, campuses, code, name, code, null, cov, min, scope.Provenance, policy));
        }, ct);
    }

    private static async Task<Results<Ok<AgendaPartnersResponse>, ValidationProblem, ProblemHttpResult>> GetCampusPartners(
        string brinvest, HotspotDbContext db, DisclosurePolicy policy, FlowMatrixSource source, IOptions<GeographyOptions> geography,
        [AsParameters] CountsQuery counts,
        [Description("Share of the campus's students the partners must reach together, above 0 and at most 1 (default 0.8).")] double? coverage,
        [Description("Any region with at least this share is a partner too (default 0.02).")] double? minShare,
        CancellationToken ct)
    {
        if (!Codes.TryBrinVest(brinvest, out var code))
        {
            return ProblemDetailsExtensions.InvalidParameter("brinvest", "A campus code is a BRIN plus a two-digit vestiging number, e.g. 25LX01.");
        }
        return await WithRuleAsync<AgendaPartnersResponse>(counts, db, policy, geography, coverage, minShare, async (scope, cov, min) =>
        {
            var campus = await db.Campuses.AsNoTracking().Where(c => c.BrinVest == code).Select(c => new { c.Name, c.Brin }).SingleOrDefaultAsync(ct);
            if (campus is null)
            {
                return ProblemDetailsExtensions.NotFound($"Campus {code} is not known.");
            }
            var campuses = await source.GetAsync(scope, FlowDimension.Campus, policy, ct);
            var region = campuses.ColumnOf(code) is { } j ? campuses.Columns[j].Region : null;
            return TypedResults.Ok(Partners(campuses, null, code, campus.Name, campus.Brin, region, cov, min, scope.Provenance, policy));
        }, ct);
    }

    /// <summary>The checks every agenda endpoint with a rule shares (rule, then the counts scope), then its own answer.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> WithRuleAsync<T>(
        CountsQuery counts, HotspotDbContext db, DisclosurePolicy policy, IOptions<GeographyOptions> geography, double? coverage, double? minShare,
        Func<CountsScope, double, double, Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>>> answer,
        CancellationToken ct)
    {
        var (cov, min) = (coverage ?? DefaultCoverage, minShare ?? DefaultMinShare);
        if (CheckRule(cov, min) is { } bad)
        {
            return bad;
        }
        var resolved = await CountsScope.ResolveAsync(counts, AgeBandFilter.EighteenPlus, db, policy, geography, ct);
        return resolved.Succeeded ? await answer(resolved.Scope, cov, min) : resolved.Problem!;
    }

    /// <summary>Coverage in (0, 1] and minShare in [0, 1]; null when both are fine.</summary>
    private static ValidationProblem? CheckRule(double coverage, double minShare) =>
        coverage is <= 0 or > 1 || double.IsNaN(coverage)
            ? ProblemDetailsExtensions.InvalidParameter("coverage", "Coverage is a share above 0 and at most 1, e.g. 0.8.")
            : minShare is < 0 or > 1 || double.IsNaN(minShare)
                ? ProblemDetailsExtensions.InvalidParameter("minShare", "minShare is a share from 0 to 1, e.g. 0.02.")
                : null;

    internal static async Task<Results<Ok<RegionInstitutionsResponse>, ValidationProblem, ProblemHttpResult>> GetRegionInstitutions(
        string code, HotspotDbContext db, DisclosurePolicy policy, FlowMatrixSource source, IOptions<GeographyOptions> geography,
        [AsParameters] CountsQuery counts,
        CancellationToken ct)
    {
        if (!Codes.TryRmc(code, out var rmc))
        {
            return ProblemDetailsExtensions.InvalidParameter("code", "An RMC region code is MC followed by two digits, e.g. MC21.");
        }
        var resolved = await CountsScope.ResolveAsync(counts, AgeBandFilter.EighteenPlus, db, policy, geography, ct);
        if (!resolved.Succeeded)
        {
            return resolved.Problem!;
        }
        var scope = resolved.Scope;
        // An unknown region is answered at once, without building (or waiting for the protection of) the flows.
        if (!await db.RmcRegions.AnyAsync(r => r.ClassificationYear == scope.ClassificationYear && r.Code == rmc, ct))
        {
            return ProblemDetailsExtensions.NotFound($"RMC region {rmc} does not exist in {scope.ClassificationYear}.");
        }
        var institutions = await source.GetAsync(scope, FlowDimension.Institution, policy, ct);
        if (institutions.RowOf(rmc) is not { } i || institutions.Rows[i].Unplaced)
        {
            return ProblemDetailsExtensions.NotFound($"RMC region {rmc} does not exist in {scope.ClassificationYear}.");
        }
        var campuses = await source.GetAsync(scope, FlowDimension.Campus, policy, ct);
        var row = institutions.Rows[i];
        var total = institutions.RowTotal(i);

        var institutionParts = Enumerable.Range(0, institutions.Columns.Count).Where(j => institutions.IsListed(i, j))
            .Select(j => ColumnPart(institutions, i, j)).ToList();
        var campusParts = institutionParts.SelectMany(p => CampusBreakdown(campuses, row.Id, p.Id)).ToList();
        return TypedResults.Ok(new RegionInstitutionsResponse(scope.Provenance, row.Id, row.Name, row.ContactMunicipality, FlowLine.RankingRule, total,
            Ranked(FlowLine.Ranking(institutionParts, total.Students), institutions, total.Students),
            Ranked(FlowLine.Ranking(campusParts, total.Students), campuses, total.Students)));
    }

    internal static async Task<Results<Ok<AgendaTablesResponse>, ValidationProblem, ProblemHttpResult>> GetAgendaTables(
        HotspotDbContext db, DisclosurePolicy policy, FlowMatrixSource source, IOptions<GeographyOptions> geography,
        [AsParameters] CountsQuery counts,
        [Description("Share of each institution's students its partners must reach together (default 0.8).")] double? coverage,
        [Description("Any region with at least this share is a partner too (default 0.02).")] double? minShare,
        CancellationToken ct) =>
        await WithRuleAsync<AgendaTablesResponse>(counts, db, policy, geography, coverage, minShare,
            (scope, cov, min) => AgendaTablesAsync(source, policy, scope, cov, min, ct), ct);

    private static async Task<Results<Ok<AgendaTablesResponse>, ValidationProblem, ProblemHttpResult>> AgendaTablesAsync(
        FlowMatrixSource source, DisclosurePolicy policy, CountsScope scope, double cov, double min, CancellationToken ct)
    {
        var institutions = await source.GetAsync(scope, FlowDimension.Institution, policy, ct);

        var tables = new List<AgendaTable>();
        var seats = institutions.Rows.Where(r => !r.Unplaced).ToDictionary(r => r.Id, _ => new List<string>(), StringComparer.Ordinal);
        for (var j = 0; j < institutions.Columns.Count; j++)
        {
            var column = institutions.Columns[j];
            var (partners, reached) = ColumnPartners(institutions, j, cov, min, policy);
            var publishedTotal = institutions.ColumnTotal(j).Students;
            // A suppressed line may or may not be a partner, and which it is would tell its count: only shown partners take a seat.
            var seated = partners.Where(r => r.Reason != FlowLine.Suppressed).ToList();
            tables.Add(new AgendaTable(column.Id, column.Name, reached, seated.Count,
                [.. partners.Select(r => new AgendaTablePartner(r.Part.Id, institutions.Rows[r.Part.Index].Name,
                    r.Part.Hidden ? null : PublishedCounts.Share(r.Part.Students, publishedTotal), r.Part.Hidden))]));
            foreach (var partner in seated)
            {
                seats[partner.Part.Id].Add(column.Id);
            }
        }
        var regions = institutions.Rows.Where(r => !r.Unplaced)
            .Select(r => new RegionTables(r.Id, r.Name, seats[r.Id].Count, seats[r.Id])).ToList();
        var summary = new AgendaSummary(tables.Count,
            Median(tables.Select(t => t.PartnerCount)), tables.Count == 0 ? 0 : tables.Max(t => t.PartnerCount),
            Median(regions.Select(r => r.TableCount)), regions.Count == 0 ? 0 : regions.Max(r => r.TableCount));
        return TypedResults.Ok(new AgendaTablesResponse(scope.Provenance, cov, min, FlowLine.AgendaRule(cov, min, policy), summary, tables, regions));
    }

    private static AgendaPartnersResponse Partners(FlowMatrix matrix, FlowMatrix? campuses, string code, string name, string brin, CodeName? region,
        double coverage, double minShare, CountsProvenance provenance, DisclosurePolicy policy)
    {
        var rule = FlowLine.AgendaRule(coverage, minShare, policy);
        if (matrix.ColumnOf(code) is not { } j)
        {
            var none = PublishedCounts.Of(0, 0, false);
            return new AgendaPartnersResponse(provenance, code, name, brin, region, coverage, minShare, rule, none, none, false, []);
        }
        var (ranked, reached) = ColumnPartners(matrix, j, coverage, minShare, policy);
        var total = matrix.ColumnTotal(j);
        var partners = ranked.Select(r =>
        {
            var row = matrix.Rows[r.Part.Index];
            var counts = r.Part.Published;
            var campusList = campuses is null
                ? null
                : CampusBreakdown(campuses, row.Id, code)
                    .OrderByDescending(c => c.Hidden ? -1 : c.Students).ThenBy(c => c.Id, StringComparer.Ordinal)
                    .Select(c => new PartnerCampus(c.Id, campuses.Columns[c.Index].Name, c.Published))
                    .ToList();
            return new AgendaPartner(row.Id, row.Name, row.ContactMunicipality!, r.Rank, r.Reason!, counts,
                PublishedCounts.Share(counts.Students, total.Students), r.CumulativeShare, campusList);
        }).ToList();
        return new AgendaPartnersResponse(provenance, code, name, brin, region, coverage, minShare, rule, total,
            matrix.Cell(matrix.Rows.Count - 1, j), reached, partners);
    }

    /// <summary>The partner regions of column j.</summary>
    private static (List<RankedPart> Partners, bool Reached) ColumnPartners(FlowMatrix matrix, int j, double coverage, double minShare,
        DisclosurePolicy policy)
    {
        var parts = Enumerable.Range(0, matrix.Rows.Count)
            .Where(i => !matrix.Rows[i].Unplaced && matrix.IsListed(i, j))
            .Select(i => RowPart(matrix, i, j));
        return FlowLine.Partners(parts, matrix.ColumnTotal(j).Students, coverage, minShare, policy);
    }

    /// <summary>
    /// The campuses of one institution that take students from one region. The two matrices are suppressed as linked
    /// tables, so this breakdown never reveals a hidden institution cell, nor the cell a hidden campus in it.
    /// </summary>
    private static List<FlowPart> CampusBreakdown(FlowMatrix campuses, string regionId, string brin)
    {
        if (campuses.RowOf(regionId) is not { } i)
        {
            return [];
        }
        return [.. Enumerable.Range(0, campuses.Columns.Count)
            .Where(j => campuses.Columns[j].Brin == brin && campuses.IsListed(i, j))
            .Select(j => ColumnPart(campuses, i, j))];
    }

    /// <summary>Cell (i, j) as a part of its column: indexed and named by its row.</summary>
    private static FlowPart RowPart(FlowMatrix m, int i, int j) => m.Part(i, m.Rows[i].Id, i, j);

    /// <summary>Cell (i, j) as a part of its row: indexed and named by its column.</summary>
    private static FlowPart ColumnPart(FlowMatrix m, int i, int j) => m.Part(j, m.Columns[j].Id, i, j);

    private static List<RankedFlow> Ranked(List<RankedPart> ranked, FlowMatrix m, long? publishedTotal) => [.. ranked.Select(r =>
    {
        var column = m.Columns[r.Part.Index];
        var counts = r.Part.Published;
        return new RankedFlow(column.Id, column.Name, r.Rank, counts, PublishedCounts.Share(counts.Students, publishedTotal), r.CumulativeShare,
            column.Region);
    })];

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
