using Microsoft.AspNetCore.Http.HttpResults;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Api.Flows;

/// <summary>What a flows request resolved to, or why it could not: a bad parameter (400) or a missing school year (404).</summary>
internal sealed record FlowRequest(CountsProvenance? Provenance, AgeBandFilter Band, ValidationProblem? Invalid, ProblemHttpResult? Missing)
{
    public static async Task<FlowRequest> ResolveAsync(HotspotDbContext db, DisclosurePolicy policy, string? schoolYear, string? ageBand,
        AgeBandFilter defaultBand, CancellationToken ct)
    {
        if (!CountsContext.TryParseAgeBand(ageBand, defaultBand, out var band))
        {
            return BadParameter("ageBand", "Age band is all, under18 or 18plus.");
        }
        var requested = string.IsNullOrWhiteSpace(schoolYear) ? null : schoolYear.Trim();
        if (requested is not null && !CountsContext.IsWellFormedSchoolYear(requested))
        {
            return BadParameter("schoolYear", "A school year is written as 2024-2025.");
        }
        if (await db.ResolveSchoolYearAsync(requested, ct) is not { } year)
        {
            return new FlowRequest(null, band, null, ProblemDetailsExtensions.NotFound(requested is null
                ? "No counts have been imported yet."
                : $"No counts for school year {requested}."));
        }
        return new FlowRequest(await db.ProvenanceAsync(year, band, policy, ct), band, null, null);
    }

    public static FlowRequest BadParameter(string parameter, string message) =>
        new(null, AgeBandFilter.All, ProblemDetailsExtensions.InvalidParameter(parameter, message), null);

    /// <summary>Coverage in (0, 1] and minShare in [0, 1]; null when both are fine.</summary>
    public static ValidationProblem? CheckRule(double coverage, double minShare) =>
        coverage is <= 0 or > 1 || double.IsNaN(coverage)
            ? ProblemDetailsExtensions.InvalidParameter("coverage", "Coverage is a share above 0 and at most 1, e.g. 0.8.")
            : minShare is < 0 or > 1 || double.IsNaN(minShare)
                ? ProblemDetailsExtensions.InvalidParameter("minShare", "minShare is a share from 0 to 1, e.g. 0.02.")
                : null;
}
