using System.ComponentModel;
using nietras.SeparatedValues;

namespace Verzuim.Hotspot.Api.Flows;

internal static class FlowsApi
{
    private const string CsvContentType = "text/csv; charset=utf-8";

    private const string CellsListed = "Cells with students or reports, and every suppressed cell; a cell not listed is zero.";

    private const string OmittedFromFlowmap =
        "Suppressed flows, the unplaced row and any institution or campus without a location are left out, so flows do not add up to the totals.";

    public static IServiceCollection AddFlows(this IServiceCollection services) =>
        services.AddSingleton<FlowMatrixSource>();

    public static IEndpointRouteBuilder MapFlows(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/flows").WithTags("Flows")
            .MapGet("/", GetFlows).WithName("GetFlows")
            .WithSummary("Regions of residence x institutions (or campuses): students, absence reports, rates and shares.")
            .WithDescription("Rows are RMC regions plus an 'unplaced' row (postcodes without a region); columns are institutions (by=institution) " +
                "or campuses (by=campus, each naming the region it lies in). Small counts are suppressed with a second cell where a total would " +
                "reveal them. format=json | csv (long form, one row per cell) | flowmap (flowmap.gl / flowmap.blue) | kepler (CSV for kepler.gl). " +
                "CSV answers carry their provenance in X-Dataset, X-Synthetic, X-School-Year, X-Age-Band, X-Data-Version and X-Disclosure headers.")
            .Produces<FlowsResponse>(contentType: "application/json")
            .Produces<FlowmapResponse>(contentType: "application/json")
            .Produces<string>(contentType: "text/csv");
        return app;
    }

    private static async Task<Results<Ok<FlowsResponse>, JsonHttpResult<FlowmapResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetFlows(
        HttpContext http, HotspotDbContext db, DisclosurePolicy policy, FlowMatrixSource source, IOptions<GeographyOptions> geography,
        [AsParameters] CountsQuery counts,
        [Description("institution (default) | campus")] string? by,
        [Description("json (default) | csv | flowmap | kepler")] string? format,
        CancellationToken ct)
    {
        if (!TryParseBy(by, out var dimension))
        {
            return ProblemDetailsExtensions.InvalidParameter("by", "by is institution or campus.");
        }
        var kind = format?.Trim().ToLowerInvariant() ?? "json";
        if (kind is not ("json" or "csv" or "flowmap" or "kepler"))
        {
            return ProblemDetailsExtensions.InvalidParameter("format", "format is json, csv, flowmap or kepler.");
        }
        var resolved = await CountsScope.ResolveAsync(counts, AgeBandFilter.All, db, policy, geography, ct);
        if (!resolved.Succeeded)
        {
            return resolved.Problem!;
        }
        var scope = resolved.Scope;
        var provenance = scope.Provenance;
        var matrix = await source.GetAsync(scope, dimension, policy, ct);
        WriteProvenanceHeaders(http.Response, provenance);
        return kind switch
        {
            "csv" => TypedResults.Text(LongFormCsv(matrix), CsvContentType),
            "kepler" => TypedResults.Text(KeplerCsv(matrix), CsvContentType),
            "flowmap" => TypedResults.Json(Flowmap(matrix, provenance)),
            _ => TypedResults.Ok(Matrix(matrix, provenance, scope.ClassificationYear)),
        };
    }

    internal static bool TryParseBy(string? value, out FlowDimension by)
    {
        (var ok, by) = value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "institution" => (true, FlowDimension.Institution),
            "campus" => (true, FlowDimension.Campus),
            _ => (false, FlowDimension.Institution),
        };
        return ok;
    }

    internal static void WriteProvenanceHeaders(HttpResponse response, CountsProvenance provenance)
    {
        var headers = response.Headers;
        headers["X-Dataset"] = provenance.Dataset;
        headers["X-Synthetic"] = provenance.Synthetic ? "true" : "false";
        headers["X-School-Year"] = provenance.SchoolYear;
        headers["X-Age-Band"] = provenance.AgeBand;
        headers["X-Data-Version"] = provenance.DataVersion.ToString(CultureInfo.InvariantCulture);
        headers["X-Disclosure"] = provenance.Disclosure;
        if (provenance.Notice is { } notice)
        {
            headers["X-Synthetic-Notice"] = notice;
        }
    }

    private static FlowsResponse Matrix(FlowMatrix m, CountsProvenance provenance, int classificationYear)
    {
        var rowTotals = Enumerable.Range(0, m.Rows.Count).Select(m.RowTotal).ToArray();
        var columnTotals = Enumerable.Range(0, m.Columns.Count).Select(m.ColumnTotal).ToArray();
        var cells = new List<FlowCellResponse>();
        for (var i = 0; i < m.Rows.Count; i++)
        {
            for (var j = 0; j < m.Columns.Count; j++)
            {
                if (m.IsListed(i, j))
                {
                    var cell = m.Cell(i, j);
                    cells.Add(new FlowCellResponse(m.Rows[i].Id, m.Columns[j].Id, cell,
                        PublishedCounts.Share(cell.Students, columnTotals[j].Students), PublishedCounts.Share(cell.Students, rowTotals[i].Students)));
                }
            }
        }
        return new FlowsResponse(provenance, Name(m.By), classificationYear, m.GrandTotal,
            [.. m.Rows.Select((r, i) => new FlowRowResponse(r.Id, r.Name, r.Unplaced, rowTotals[i]))],
            [.. m.Columns.Select((c, j) => new FlowColumnResponse(c.Id, c.Name, c.Brin, c.Region, columnTotals[j]))],
            cells, CellsListed);
    }

    private static string LongFormCsv(FlowMatrix m)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        var columnTotals = Enumerable.Range(0, m.Columns.Count).Select(m.ColumnTotal).ToArray();
        for (var i = 0; i < m.Rows.Count; i++)
        {
            var rowTotal = m.RowTotal(i);
            for (var j = 0; j < m.Columns.Count; j++)
            {
                if (!m.IsListed(i, j))
                {
                    continue;
                }
                var (row, column, cell) = (m.Rows[i], m.Columns[j], m.Cell(i, j));
                using var line = writer.NewRow();
                line["region_code"].Set(row.Id);
                line["region_name"].Set(row.Name);
                line[m.By == FlowDimension.Campus ? "brin_vest" : "brin"].Set(column.Id);
                line["name"].Set(column.Name);
                line["campus_region_code"].Set(column.Region?.Code ?? "");
                line["students"].Set(Number(cell.Students));
                line["absence_reports"].Set(Number(cell.AbsenceReports));
                line["reports_per_100"].Set(Number(cell.ReportsPer100));
                line["share_of_column"].Set(Number(PublishedCounts.Share(cell.Students, columnTotals[j].Students)));
                line["share_of_region"].Set(Number(PublishedCounts.Share(cell.Students, rowTotal.Students)));
                line["suppressed"].Set(cell.Suppressed ? "true" : "false");
            }
        }
        return writer.ToString();
    }

    private static string KeplerCsv(FlowMatrix m)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        foreach (var (origin, dest, count) in ShownFlows(m))
        {
            using var line = writer.NewRow();
            line["origin_id"].Set(origin.Id);
            line["origin_name"].Set(origin.Name);
            line["origin_lat"].Set(Number(origin.Lat));
            line["origin_lng"].Set(Number(origin.Lon));
            line["dest_id"].Set(dest.Id);
            line["dest_name"].Set(dest.Name);
            line["dest_lat"].Set(Number(dest.Lat));
            line["dest_lng"].Set(Number(dest.Lon));
            line["count"].Set(Number(count));
        }
        return writer.ToString();
    }

    private static FlowmapResponse Flowmap(FlowMatrix m, CountsProvenance provenance)
    {
        var flows = ShownFlows(m).ToList();
        var locations = flows.Select(f => (f.Origin.Id, f.Origin.Name, Lat: f.Origin.Lat!.Value, Lon: f.Origin.Lon!.Value))
            .Concat(flows.Select(f => (f.Dest.Id, f.Dest.Name, Lat: f.Dest.Lat!.Value, Lon: f.Dest.Lon!.Value)))
            .DistinctBy(l => l.Id)
            .Select(l => new FlowmapLocation(l.Id, l.Name, l.Lat, l.Lon))
            .ToList();
        return new FlowmapResponse(provenance, locations, [.. flows.Select(f => new FlowmapFlow(f.Origin.Id, f.Dest.Id, f.Count))],
            OmittedFromFlowmap);
    }

    /// <summary>Flows a map may draw: shown, non-zero, from a region to a column that both have a point.</summary>
    private static IEnumerable<(FlowRow Origin, FlowColumn Dest, long Count)> ShownFlows(FlowMatrix m)
    {
        for (var i = 0; i < m.Rows.Count; i++)
        {
            var row = m.Rows[i];
            if (row.Unplaced || row.Lat is null || row.Lon is null)
            {
                continue;
            }
            for (var j = 0; j < m.Columns.Count; j++)
            {
                var column = m.Columns[j];
                if (m.Students[i, j] > 0 && !m.Mask.Cell(i, j) && column.Lat is not null && column.Lon is not null)
                {
                    yield return (row, column, m.Students[i, j]);
                }
            }
        }
    }

    internal static string Name(FlowDimension by) => by == FlowDimension.Campus ? "campus" : "institution";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
