using System.ComponentModel;
using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Api.Hotspots;

internal static class TrendsApi
{
    public static IEndpointRouteBuilder MapTrends(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/trends").WithTags("Hotspots")
            .MapGet("/", GetTrends).WithName("GetTrends").AsComputedAnswer()
            .WithSummary("Change in absence rate between two school years per RMC region or institution, against the national change.")
            .WithDescription("\"Your absence fell, but everyone else's fell more\": each unit's relative change in reports per student " +
                "minus the national relative change, with a z-test on the log rate ratio. region = RMC region where the students live. " +
                "A unit whose counts are suppressed gets no z and the verdict Suppressed.");
        return app;
    }

    private sealed record Totals(string Code, string Name)
    {
        public long StudentsFrom { get; set; }
        public long ReportsFrom { get; set; }
        public long StudentsTo { get; set; }
        public long ReportsTo { get; set; }
    }

    internal static async Task<Results<Ok<TrendsResponse>, ValidationProblem, ProblemHttpResult>> GetTrends(
        HotspotDbContext db, NpgsqlDataSource dataSource, DisclosurePolicy policy, ProtectionStore protection, IOptions<GeographyOptions> options,
        [AsParameters] CountsQuery counts,
        [Description("region (RMC region of residence) or institution.")] string? level,
        [Description("First school year; default the one before the second.")] string? from,
        [Description("Second school year (the same as schoolYear, which it overrides); default the latest with counts.")] string? to,
        CancellationToken ct)
    {
        var unitLevel = level?.Trim().ToLowerInvariant() ?? "region";
        if (unitLevel is not ("region" or "institution"))
        {
            return ProblemDetailsExtensions.InvalidParameter("level", "Use region or institution.");
        }
        if (from is not null && from == to)
        {
            return ProblemDetailsExtensions.InvalidParameter("to", "Compare two different school years.");
        }
        // Both school years go through the one counts scope, each under its own parameter name.
        var second = await CountsScope.ResolveAsync(new CountsQuery { SchoolYear = to ?? counts.SchoolYear, AgeBand = counts.AgeBand, Year = counts.Year },
            AgeBandFilter.All, db, policy, options, ct, schoolYearName: to is null ? "schoolYear" : "to");
        if (!second.Succeeded)
        {
            return second.Problem!;
        }
        var toScope = second.Scope;
        var fromName = from ?? await db.SchoolYearDatasets.AsNoTracking().Where(d => string.Compare(d.SchoolYear, toScope.SchoolYear) < 0)
            .OrderByDescending(d => d.SchoolYear).Select(d => d.SchoolYear).FirstOrDefaultAsync(ct);
        if (fromName is null)
        {
            return ProblemDetailsExtensions.NotFound($"No school year with counts before {toScope.SchoolYear}.");
        }
        var first = await CountsScope.ResolveAsync(new CountsQuery { SchoolYear = fromName, AgeBand = counts.AgeBand, Year = counts.Year },
            AgeBandFilter.All, db, policy, options, ct, schoolYearName: "from");
        if (!first.Succeeded)
        {
            return first.Problem!;
        }
        var fromScope = first.Scope;
        if (fromScope.SchoolYear == toScope.SchoolYear)
        {
            return ProblemDetailsExtensions.InvalidParameter("from", "Compare two different school years.");
        }
        var (band, classificationYear) = (toScope.Band, toScope.ClassificationYear);

        var units = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var national = new Totals("NL", "Nederland");
        var masks = new List<PublishedMask>();
        foreach (var (schoolYear, isFrom) in new[] { (fromScope.SchoolYear, true), (toScope.SchoolYear, false) })
        {
            if (policy.Mode == DisclosureMode.Public)
            {
                masks.Add(await protection.GetCurrentAsync(schoolYear, classificationYear, ct));
            }
            foreach (var r in await dataSource.CampusRegionCountsAsync(classificationYear, schoolYear, band.StoredValue(), ct))
            {
                Add(national, r, isFrom);
                var (code, name) = unitLevel == "region" ? (r.RmcCode, r.RmcName) : (r.Brin, r.InstitutionName);
                if (code is null)
                {
                    continue;
                }
                if (!units.TryGetValue(code, out var unit))
                {
                    unit = new Totals(code, name ?? code);
                    units.Add(code, unit);
                }
                Add(unit, r, isFrom);
            }
        }
        foreach (var mask in masks)
        {
            await protection.EnsureUnchangedAsync(mask, ct);
        }
        if (national.StudentsFrom == 0 || national.StudentsTo == 0 || national.ReportsFrom == 0)
        {
            return ProblemDetailsExtensions.NotFound("No students or reports in one of the two school years.");
        }

        // The national rates are published: where a year's national total is hidden, its ratio would betray it.
        if (masks.Any(m => policy.HidesReports(m, new CellKey(DisclosureTables.National, band.Name(), "", ""))))
        {
            return ProblemDetailsExtensions.NotFound("A national total of the two school years is suppressed, so no trend is published.");
        }
        var nationalFrom = (double)national.ReportsFrom / national.StudentsFrom;
        var nationalTo = (double)national.ReportsTo / national.StudentsTo;
        var nationalRatio = nationalTo / nationalFrom;
        // A unit is suppressed when either school year's joint mask hides its reports (hidden whenever its students are).
        var bandName = band.Name();
        var items = units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u =>
        {
            var (rmcCode, brin) = unitLevel == "region" ? (u.Code, (string?)null) : (null, u.Code);
            var cell = unitLevel == "region"
                ? new CellKey(DisclosureTables.Region, bandName, u.Code, "")
                : new CellKey(DisclosureTables.Institution, bandName, "", u.Code);
            var hidden = masks.Any(m => policy.HidesReports(m, cell, rmcCode, brin));
            return Trend(u, nationalRatio, hidden);
        }).ToList();
        return TypedResults.Ok(new TrendsResponse(unitLevel, fromScope.SchoolYear, toScope.SchoolYear,
            new TrendNational(Math.Round(100 * nationalFrom, 4), Math.Round(100 * nationalTo, 4), Math.Round(100 * (nationalTo - nationalFrom), 4),
                Math.Round(nationalRatio - 1, 6)),
            items, fromScope.Provenance, toScope.Provenance));
    }

    private static void Add(Totals totals, CampusRegionCount r, bool isFrom)
    {
        if (isFrom)
        {
            totals.StudentsFrom += r.Students;
            totals.ReportsFrom += r.Reports;
        }
        else
        {
            totals.StudentsTo += r.Students;
            totals.ReportsTo += r.Reports;
        }
    }

    /// <param name="suppressed">The unit's counts are hidden from this caller in either school year.</param>
    private static TrendUnit Trend(Totals u, double nationalRatio, bool suppressed)
    {
        var fromCounts = PublishedCounts.Of(u.StudentsFrom, u.ReportsFrom, suppressed);
        var toCounts = PublishedCounts.Of(u.StudentsTo, u.ReportsTo, suppressed);
        if (u.StudentsFrom == 0 || u.StudentsTo == 0 || u.ReportsFrom == 0 || u.ReportsTo == 0)
        {
            return new TrendUnit(u.Code, u.Name, fromCounts, toCounts, suppressed, null, null, null, null, "InsufficientData");
        }
        var rateFrom = (double)u.ReportsFrom / u.StudentsFrom;
        var rateTo = (double)u.ReportsTo / u.StudentsTo;
        var relative = (rateTo / rateFrom) - 1;
        var z = (Math.Log(rateTo / rateFrom) - Math.Log(nationalRatio)) / Math.Sqrt((1.0 / u.ReportsFrom) + (1.0 / u.ReportsTo));
        var verdict = z > FunnelPlot.Z95 ? "WorseThanNational" : z < -FunnelPlot.Z95 ? "BetterThanNational" : "InLineWithNational";
        return new TrendUnit(u.Code, u.Name, fromCounts, toCounts, suppressed,
            suppressed ? null : Math.Round(100 * (rateTo - rateFrom), 4),
            suppressed ? null : Math.Round(relative, 6),
            suppressed ? null : Math.Round(relative - (nationalRatio - 1), 6),
            // The z of a hidden unit, with the published national ratio, would give its counts back.
            suppressed ? null : Math.Round(z, 4), suppressed ? "Suppressed" : verdict);
    }
}
