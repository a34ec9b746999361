using Verzuim.Hotspot.Api.Agenda;
using Verzuim.Hotspot.Api.Hotspots;
using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Api.Packs;

/// <summary>
/// Printable session packs for the people at an agenda table: server-rendered HTML with inline SVG, A4, no scripts.
/// Every number comes from the same handlers as the JSON endpoints (agenda, flows, outliers, trends, hotspots),
/// called in-process, so a pack never shows a value the API hides.
/// </summary>
internal static class PacksApi
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapPacks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/packs").WithTags("Packs");
        group.MapGet("/institutions/{brin}", GetInstitutionPack).WithName("GetInstitutionPack")
            .WithSummary("A printable session pack for one institution's absence agenda table (HTML, A4).")
            .WithDescription("Provenance, a map of the regions of origin, the partner table, funnel-plot flags of its cells, its trend " +
                "against the national one, hotspots in its partner regions and a draft agenda. Dutch by default; lang=en for English.")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        group.MapGet("/rmc-regions/{code}", GetRegionPack).WithName("GetRmcRegionPack")
            .WithSummary("A printable session pack for one RMC region: the institutions its students attend and the tables it sits at (HTML, A4).")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetInstitutionPack(
        string brin, [AsParameters] CountsQuery counts, [AsParameters] PackRequest request, [AsParameters] PackServices s, CancellationToken ct)
    {
        if (!PackTexts.IsKnown(request.Lang))
        {
            return ProblemDetailsExtensions.InvalidParameter("lang", "Use nl or en.");
        }
        var texts = PackTexts.For(request.Lang);
        // One age band for every section: the agenda's default (18plus) unless asked otherwise.
        var query = WithBand(counts);
        var partnersResult = await AgendaApi.GetInstitutionPartners(brin, s.Db, s.Policy, s.Source, s.Options, query, request.Coverage, request.MinShare, ct);
        if (partnersResult.Result is not Ok<AgendaPartnersResponse> { Value: { } partners })
        {
            return Problem(partnersResult.Result);
        }
        var p = partners.Provenance;
        var facts = await PackFacts.LoadAsync(s, query, "institution", ct);
        var cells = facts.Cells.Where(c => c.Brin == partners.Brin).ToList();
        var trend = facts.Trends?.Items.FirstOrDefault(t => t.Code == partners.Brin);
        var partnerCodes = partners.Partners.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        var hotspots = facts.HotspotsIn(partnerCodes);

        // Map: share of the institution's students per region of residence, from the same published matrix as /flows.
        var shares = await facts.ColumnSharesAsync(partners.Brin, query, ct);
        var breaks = PackMap.Breaks(shares.Values.Where(v => v > 0));
        var mine = facts.Geometry.Campuses.Where(c => c.Brin == partners.Brin).Select(c => (c, 2500.0));
        var map = PackMap.Render(facts.Geometry, code => shares.TryGetValue(code, out var v) && v > 0 ? PackMap.ColorOf(v, breaks) : PackMap.NoData,
            partnerCodes, mine, texts["map"], texts);

        var html = new PackHtml(texts).Begin(texts.Format("institutionTitle", $"{partners.Name} ({partners.Brin})"), p, partners.Rule);
        html.Heading(texts["map"]).Raw(map).Legend(Legend(breaks, texts));
        html.Heading(texts["partners"]).Table("partners", [texts["region"], texts["contact"], "#" + texts["students"], "#" + texts["share"],
            "#" + texts["reports"], "#" + texts["rate"], texts["campuses"]],
            partners.Partners.Select(x => (IReadOnlyList<string>)[
                PackHtml.E($"{x.Name} ({x.Code})"),
                PackHtml.E(x.ContactMunicipality.Name) + (x.ContactMunicipality.Assumed ? $" <abbr title=\"{PackHtml.E(texts["assumed"])}\">({PackHtml.E(texts["assumed"])})</abbr>" : ""),
                html.Value(x.Counts.Students, x.Counts.Suppressed), html.Share(x.Share, x.Counts.Suppressed),
                html.Value(x.Counts.AbsenceReports, x.Counts.Suppressed), html.Value(x.Counts.ReportsPer100, x.Counts.Suppressed, 1),
                PackHtml.E(string.Join(", ", (x.Campuses ?? []).Select(c => c.Name)))]));
        html.Table("total", ["", "#" + texts["students"], "#" + texts["reports"], "#" + texts["rate"]],
            [[PackHtml.E(texts["total"]), html.Value(partners.Total.Students, partners.Total.Suppressed),
                html.Value(partners.Total.AbsenceReports, partners.Total.Suppressed), html.Value(partners.Total.ReportsPer100, partners.Total.Suppressed, 1)]]);
        FunnelSection(html, texts, cells);
        TrendSection(html, texts, facts, trend);
        HotspotSection(html, texts, texts["hotspots"], hotspots);

        var points = new List<string>();
        if (partners.Partners.FirstOrDefault(x => x.Share is not null) is { } largest)
        {
            points.Add(texts.Format("pointLargest", largest.Name, texts.Percent(largest.Share!.Value), Rate(texts, largest.Counts.ReportsPer100),
                Rate(texts, partners.Total.ReportsPer100)));
        }
        var coverage = partners.Partners.Where(x => x.Share is not null).Sum(x => x.Share!.Value);
        points.Add(texts.Format("pointCoverage", partners.Partners.Count, texts.Percent(coverage), Count(texts, partners.Total.Students)));
        points.AddRange(AgendaPoints(texts, cells, trend, facts, hotspots));
        html.Heading(texts["agenda"]).List("agenda", points, ordered: true);
        return TypedResults.Content(html.End(), HtmlType);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetRegionPack(
        string code, [AsParameters] CountsQuery counts, [AsParameters] PackRequest request, [AsParameters] PackServices s, CancellationToken ct)
    {
        if (!PackTexts.IsKnown(request.Lang))
        {
            return ProblemDetailsExtensions.InvalidParameter("lang", "Use nl or en.");
        }
        var texts = PackTexts.For(request.Lang);
        var query = WithBand(counts);
        var regionResult = await AgendaApi.GetRegionInstitutions(code, s.Db, s.Policy, s.Source, s.Options, query, ct);
        if (regionResult.Result is not Ok<RegionInstitutionsResponse> { Value: { } region })
        {
            return Problem(regionResult.Result);
        }
        var tablesResult = await AgendaApi.GetAgendaTables(s.Db, s.Policy, s.Source, s.Options, query, request.Coverage, request.MinShare, ct);
        if (tablesResult.Result is not Ok<AgendaTablesResponse> { Value: { } tables })
        {
            return Problem(tablesResult.Result);
        }
        var p = region.Provenance;
        var facts = await PackFacts.LoadAsync(s, query, "region", ct);
        var cells = facts.Cells.Where(c => c.RmcCode == region.Code).ToList();
        var trend = facts.Trends?.Items.FirstOrDefault(t => t.Code == region.Code);
        var hotspots = facts.HotspotsIn(new HashSet<string>(StringComparer.Ordinal) { region.Code });
        var seats = tables.Regions.FirstOrDefault(r => r.Code == region.Code)?.Institutions ?? [];
        var names = tables.Institutions.ToDictionary(i => i.Brin, i => i.Name, StringComparer.Ordinal);

        var maxStudents = Math.Max(1, region.Campuses.Max(c => c.Counts.Students ?? 0));
        var taking = region.Campuses.Join(facts.Geometry.Campuses, c => c.Code, g => g.BrinVest,
            (c, g) => (g, 1200 + (3500.0 * (c.Counts.Students ?? 0) / maxStudents)), StringComparer.Ordinal);
        var map = PackMap.Render(facts.Geometry, c => c == region.Code ? PackMap.Viridis[1] : PackMap.NoData,
            new HashSet<string>(StringComparer.Ordinal) { region.Code }, taking, texts["regionMap"], texts);

        var html = new PackHtml(texts).Begin(texts.Format("regionTitle", $"{region.Name} ({region.Code})"), p, tables.Rule);
        if (region.ContactMunicipality is { } contact)
        {
            html.Paragraph($"{texts["contact"]}: {contact.Name}{(contact.Assumed ? $" ({texts["assumed"]})" : "")}");
        }
        html.Heading(texts["regionMap"]).Raw(map);
        html.Heading(texts["tables"]).List("tables", seats.Count == 0 ? [texts["none"]] : seats.Select(b => $"{names.GetValueOrDefault(b, b)} ({b})"));
        html.Heading(texts["institutions"]).Table("institutions", ["#", texts["institution"], "#" + texts["students"], "#" + texts["share"],
            "#" + texts["reports"], "#" + texts["rate"]],
            region.Institutions.Select(x => (IReadOnlyList<string>)[x.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                PackHtml.E($"{x.Name} ({x.Code})"), html.Value(x.Counts.Students, x.Counts.Suppressed), html.Share(x.Share, x.Counts.Suppressed),
                html.Value(x.Counts.AbsenceReports, x.Counts.Suppressed), html.Value(x.Counts.ReportsPer100, x.Counts.Suppressed, 1)]));
        FunnelSection(html, texts, cells);
        TrendSection(html, texts, facts, trend);
        HotspotSection(html, texts, texts["regionHotspots"], hotspots);

        var points = new List<string> { texts.Format("pointTables", seats.Count, string.Join(", ", seats.Select(b => names.GetValueOrDefault(b, b)))) };
        if (region.Institutions.FirstOrDefault(x => x.Share is not null) is { } largest)
        {
            points.Add(texts.Format("pointRegionLargest", largest.Name, texts.Percent(largest.Share!.Value), Rate(texts, largest.Counts.ReportsPer100)));
        }
        points.AddRange(AgendaPoints(texts, cells, trend, facts, hotspots));
        html.Heading(texts["agenda"]).List("agenda", points, ordered: true);
        return TypedResults.Content(html.End(), HtmlType);
    }

    private static void FunnelSection(PackHtml html, PackTexts texts, List<OutlierUnit> cells)
    {
        html.Heading(texts["funnel"]);
        var flagged = cells.Where(c => c.Flag95 != FunnelFlag.Normal).OrderByDescending(c => Math.Abs(c.AdjustedZ)).ToList();
        if (flagged.Count == 0)
        {
            html.Paragraph(texts["noFlags"]);
            return;
        }
        html.Table("funnel", [texts["cell"], "#" + texts["students"], "#" + texts["reports"], "#" + texts["expected"], "#" + texts["ratio"], "#z", texts["flag"]],
            flagged.Select(c => (IReadOnlyList<string>)[PackHtml.E(c.Name), html.Value(c.Students, c.Suppressed), html.Value(c.Observed, c.Suppressed),
                html.Value(c.Expected, c.Suppressed, 1), html.Value(c.Ratio, c.Suppressed, 2), texts.Number(c.AdjustedZ, 2), PackHtml.E(FlagText(texts, c))]));
    }

    private static void TrendSection(PackHtml html, PackTexts texts, PackFacts facts, TrendUnit? trend)
    {
        if (facts.Trends is not { } trends || trend is null)
        {
            return;
        }
        html.Heading($"{texts["trend"]} ({trends.From} → {trends.To})");
        html.Table("trend", ["", "#" + trends.From, "#" + trends.To, texts["verdict"]],
        [
            [PackHtml.E(trend.Name), html.Value(trend.From.ReportsPer100, trend.Suppressed, 1), html.Value(trend.To.ReportsPer100, trend.Suppressed, 1),
                PackHtml.E(texts[trend.Verdict])],
            [PackHtml.E(texts["national"]), texts.Number(trends.National.RatePer100From, 1), texts.Number(trends.National.RatePer100To, 1), ""],
        ]);
    }

    private static void HotspotSection(PackHtml html, PackTexts texts, string title, List<HotspotProperties> hotspots)
    {
        html.Heading(title);
        if (hotspots.Count == 0)
        {
            html.Paragraph(texts["noHotspots"]);
            return;
        }
        html.Table("hotspots", [texts["municipality"], "#" + texts["students"], "#" + texts["rate"], "#z", texts["class"]],
            hotspots.Select(h => (IReadOnlyList<string>)[PackHtml.E($"{h.Name} ({h.Code})"), html.Value(h.Students, h.Suppressed),
                html.Value(h.ReportsPer100, h.Suppressed, 1), h.Z is { } z ? texts.Number(z, 2) : "–", PackHtml.E(h.Class)]));
    }

    /// <summary>The points that stand out, each with the number behind it: flagged cells, the trend, the hotspots.</summary>
    private static IEnumerable<string> AgendaPoints(PackTexts texts, List<OutlierUnit> cells, TrendUnit? trend, PackFacts facts, List<HotspotProperties> hotspots)
    {
        foreach (var c in cells.Where(c => c.Flag95 != FunnelFlag.Normal && !c.Suppressed).OrderByDescending(c => Math.Abs(c.AdjustedZ)).Take(5))
        {
            yield return texts.Format("pointCell", c.Name, Count(texts, c.Observed), texts.Number(c.Expected ?? 0, 1), texts.Number(c.Ratio ?? 0, 2), FlagText(texts, c));
        }
        if (trend is { Suppressed: false } && facts.Trends is { } trends)
        {
            yield return texts.Format("pointTrend", Rate(texts, trend.From.ReportsPer100), Rate(texts, trend.To.ReportsPer100), texts[trend.Verdict],
                texts.Number(trends.National.RatePer100From, 1), texts.Number(trends.National.RatePer100To, 1));
        }
        foreach (var h in hotspots.Where(h => !h.Suppressed).Take(3))
        {
            yield return texts.Format("pointHotspot", h.Name, h.Code, Rate(texts, h.ReportsPer100), texts.Number(h.Z ?? 0, 2));
        }
    }

    private static string FlagText(PackTexts texts, OutlierUnit c) => (c.Flag998, c.Flag95) switch
    {
        (FunnelFlag.High, _) => texts["above998"],
        (FunnelFlag.Low, _) => texts["below998"],
        (_, FunnelFlag.High) => texts["above95"],
        (_, FunnelFlag.Low) => texts["below95"],
        _ => texts["Normal"],
    };

    private static string Rate(PackTexts texts, double? rate) => rate is { } r ? texts.Number(r, 1) : texts["hidden"];

    private static string Count(PackTexts texts, long? count) => count is { } c ? texts.Number(c) : texts["hidden"];

    private static IEnumerable<(string, string)> Legend(double[] breaks, PackTexts texts)
    {
        for (var i = 0; i <= breaks.Length && i < PackMap.Viridis.Length; i++)
        {
            var low = i == 0 ? "0%" : texts.Percent(breaks[i - 1]);
            yield return (PackMap.Viridis[i], i < breaks.Length ? $"{low} – {texts.Percent(breaks[i])}" : $"≥ {low}");
        }
        yield return (PackMap.Highlight, texts["partners"]);
    }

    private static CountsQuery WithBand(CountsQuery counts) =>
        new() { SchoolYear = counts.SchoolYear, AgeBand = counts.AgeBand ?? "18plus", Year = counts.Year };

    private static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Problem(IResult result) => result switch
    {
        ValidationProblem v => v,
        ProblemHttpResult p => p,
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
    };
}
