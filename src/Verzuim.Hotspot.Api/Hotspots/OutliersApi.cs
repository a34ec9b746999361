using System.ComponentModel;
using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Api.Hotspots;

internal static class OutliersApi
{
    public static IEndpointRouteBuilder MapOutliers(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/outliers").WithTags("Hotspots")
            .MapGet("/", GetOutliers).WithName("GetOutliers").AsComputedAnswer()
            .WithSummary("Funnel-plot outliers: institution x region cells, campuses or institutions with unusually many or few absence reports.")
            .WithDescription("Observed reports against expected = students x national rate of the school year and age band (per band, summed). " +
                "z = (O - E)/sqrt(E) (Poisson); over-dispersion from the 10%-winsorised z (Spiegelhalter 2005) and, when phi > 1, an additive " +
                "random effect tau^2 in the adjusted z and the limits. Flags at 95% (|z'| > 1.96) and 99.8% (|z'| > 3.09). " +
                "cell = institution x RMC region where the students live. Units whose counts are suppressed are neither analysed nor " +
                "listed (suppressedUnits counts them): their z would give their counts back.");
        return app;
    }

    private sealed record Unit(string Id, string Name, string Brin, string? BrinVest, string? RmcCode, string? RmcName)
    {
        public long Students { get; set; }
        public long Reports { get; set; }
        public double Expected { get; set; }
    }

    internal static async Task<Results<Ok<OutliersResponse>, ValidationProblem, ProblemHttpResult>> GetOutliers(
        HotspotDbContext db, NpgsqlDataSource dataSource, DisclosurePolicy policy, ProtectionStore protection, IOptions<GeographyOptions> options,
        [AsParameters] CountsQuery counts,
        [Description("cell (institution x region of residence), campus or institution.")] string? level,
        [Description("high, low or any: only units flagged at 95% (which includes 99.8%); default all units.")] string? flag,
        CancellationToken ct)
    {
        var unitLevel = level?.Trim().ToLowerInvariant() ?? "cell";
        if (unitLevel is not ("cell" or "campus" or "institution"))
        {
            return ProblemDetailsExtensions.InvalidParameter("level", "Use cell, campus or institution.");
        }
        var flagFilter = flag?.Trim().ToLowerInvariant() ?? "all";
        if (flagFilter is not ("all" or "any" or "high" or "low"))
        {
            return ProblemDetailsExtensions.InvalidParameter("flag", "Use high, low or any.");
        }
        var resolved = await CountsScope.ResolveAsync(counts, AgeBandFilter.All, db, policy, options, ct);
        if (!resolved.Succeeded)
        {
            return resolved.Problem!;
        }
        var scope = resolved.Scope;
        var (band, classificationYear) = (scope.Band, scope.ClassificationYear);

        var mask = policy.Mode == DisclosureMode.Public ? await protection.GetCurrentAsync(scope.SchoolYear, classificationYear, ct) : null;
        var rows = await dataSource.CampusRegionCountsAsync(classificationYear, scope.SchoolYear, band.StoredValue(), ct);
        if (mask is not null)
        {
            await protection.EnsureUnchangedAsync(mask, ct);
        }
        // National rate per age band, over every student (unplaced residents included).
        var national = rows.GroupBy(r => r.AgeBand, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (double)g.Sum(r => r.Reports) / g.Sum(r => r.Students), StringComparer.Ordinal);
        // The national rate of a band is published with the analysis and every expected count rests on it: where the
        // national total itself is hidden (a rare protection of a small set), its ratio would betray it.
        if (national.Keys.FirstOrDefault(b => policy.HidesReports(mask, new CellKey(DisclosureTables.National, b, "", ""))) is { } hiddenBand)
        {
            return ProblemDetailsExtensions.NotFound($"The national total of {scope.SchoolYear} ({hiddenBand}) is suppressed, so no funnel plot is published.");
        }
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (unitLevel == "cell" && r.RmcCode is null)
            {
                continue;
            }
            var unit = unitLevel switch
            {
                "cell" => Get(units, $"{r.Brin}-{r.RmcCode}", id => new Unit(id, $"{r.InstitutionName} x {r.RmcName}", r.Brin, null, r.RmcCode, r.RmcName)),
                "campus" => Get(units, r.BrinVest, id => new Unit(id, r.Place is null ? r.CampusName : $"{r.CampusName} ({r.Place})", r.Brin, r.BrinVest, null, null)),
                _ => Get(units, r.Brin, id => new Unit(id, r.InstitutionName, r.Brin, null, null, null)),
            };
            unit.Students += r.Students;
            unit.Reports += r.Reports;
            unit.Expected += r.Students * national[r.AgeBand];
        }
        // Only published units are analysed. A hidden unit's z gives its counts back (with the national rate), and its
        // weight in the over-dispersion that every other unit's limits depend on would betray it too.
        // A key sees its own region's cells, or its own institution's units, exactly; they are analysed for it.
        // Hidden means hidden in the joint mask, secondary suppression included: a unit hidden to protect another is a
        // hidden unit too. Its reports are enough: they are hidden whenever its students are.
        var bandName = band.Name();
        CellKey CellOf(Unit u) => unitLevel switch
        {
            "cell" => new CellKey(DisclosureTables.InstitutionFlows, bandName, u.RmcCode!, u.Brin),
            "campus" => new CellKey(DisclosureTables.Campus, bandName, "", u.BrinVest!),
            _ => new CellKey(DisclosureTables.Institution, bandName, "", u.Brin),
        };
        bool Hidden(Unit u) => policy.HidesReports(mask, CellOf(u), u.RmcCode, u.Brin);
        var eligible = units.Values.Where(u => u.Expected > 0).ToList();
        var analysed = eligible.Where(u => !Hidden(u)).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        if (analysed.Count < 2)
        {
            return ProblemDetailsExtensions.NotFound($"Fewer than two {unitLevel} units with expected reports in {scope.SchoolYear}.");
        }

        var funnel = FunnelPlot.Analyse([.. analysed.Select(u => (double)u.Reports)], [.. analysed.Select(u => u.Expected)]);
        var items = new List<OutlierUnit>(analysed.Count);
        for (var i = 0; i < analysed.Count; i++)
        {
            var (u, f) = (analysed[i], funnel.Units[i]);
            if (!Keep(f.Flag95, flagFilter))
            {
                continue;
            }
            items.Add(new OutlierUnit(u.Id, u.Name, u.Brin, u.BrinVest, u.RmcCode, u.RmcName, u.Students, u.Reports, false,
                Math.Round(f.Expected, 2), Math.Round(f.Ratio, 4), Math.Round(f.Z, 4), Math.Round(f.AdjustedZ, 4),
                new OutlierLimits(Math.Round(f.Lower95, 4), Math.Round(f.Upper95, 4), Math.Round(f.Lower998, 4), Math.Round(f.Upper998, 4)),
                f.Flag95, f.Flag998));
        }
        items.Sort((a, b) => b.AdjustedZ.CompareTo(a.AdjustedZ));

        var unplaced = rows.Where(r => r.RmcCode is null).Aggregate((Students: 0L, Reports: 0L), (t, r) => (t.Students + r.Students, t.Reports + r.Reports));
        var provenance = scope.Provenance;
        return TypedResults.Ok(new OutliersResponse(unitLevel, flagFilter, analysed.Count, eligible.Count - analysed.Count, Math.Round(funnel.Phi, 6), funnel.Tau2,
            funnel.OverdispersionCorrected, national.ToDictionary(n => n.Key, n => Math.Round(100 * n.Value, 4), StringComparer.Ordinal),
            policy.Publish(mask, new CellKey(DisclosureTables.Region, bandName, DisclosureTables.Unplaced, ""), unplaced.Students, unplaced.Reports),
            items, provenance));
    }

    private static bool Keep(FunnelFlag flag, string filter) => filter switch
    {
        "high" => flag == FunnelFlag.High,
        "low" => flag == FunnelFlag.Low,
        "any" => flag != FunnelFlag.Normal,
        _ => true,
    };

    private static Unit Get(Dictionary<string, Unit> units, string id, Func<string, Unit> create)
    {
        if (!units.TryGetValue(id, out var unit))
        {
            unit = create(id);
            units.Add(id, unit);
        }
        return unit;
    }
}
