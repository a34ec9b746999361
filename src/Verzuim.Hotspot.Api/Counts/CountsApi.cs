using System.ComponentModel;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Counts;

internal static class CountsApi
{
    public static IServiceCollection AddCounts(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.ImportsSection)
            .ValidateDataAnnotations().ValidateOnStart();
        return services.AddTransient<CountsImporter>();
    }

    public static IEndpointRouteBuilder MapCounts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/imports").WithTags("Imports")
            .MapPost("/counts", ImportCounts).WithName("ImportCounts")
            .WithSummary("Import student and absence counts (CSV); admin keys only (X-Api-Key).")
            .WithDescription("Validates the whole file and reports every row error at once (422); writes nothing when any row is wrong. " +
                "A valid file replaces the counts of the school years it contains, in one transaction.")
            .Accepts<string>("text/csv")
            .RequireAuthorization(AccessPolicies.Admin)
            .DisableAntiforgery();
        app.MapGroup("/counts").WithTags("Imports")
            .MapGet("/datasets", ListDatasets).WithName("ListCountDatasets")
            .WithSummary("Which dataset each school year's counts come from, and whether it is synthetic.");
        return app;
    }

    private static async Task<Results<Created<CountsImportSummary>, ProblemHttpResult>> ImportCounts(
        HttpContext http, CountsImporter importer, ProtectionStore protection, IOptions<GeographyOptions> geography, IOptions<ImportOptions> options,
        [Description("Label of the dataset, shown with every response built from it.")] string? dataset,
        [Description("Mark the dataset as synthetic.")] bool? synthetic,
        CancellationToken ct)
    {
        var settings = options.Value;
        if (http.Request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", "Send the counts as text/csv.");
        }
        if (http.Request.ContentLength > settings.MaxUploadBytes)
        {
            return TooLarge(settings.MaxUploadBytes);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxUploadBytes;
        }

        CountsImportOutcome outcome;
        try
        {
            outcome = await importer.ImportAsync(http.Request.Body, string.IsNullOrWhiteSpace(dataset) ? "uploaded" : dataset.Trim(),
                synthetic ?? false, progress: null, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(settings.MaxUploadBytes);
        }
        if (outcome.Summary is { } summary)
        {
            // The new counts are published only with their protection: start it now, so readers wait as little as it takes.
            foreach (var year in summary.SchoolYears)
            {
                _ = protection.EnsureAsync(year.SchoolYear, geography.Value.ClassificationYear, CancellationToken.None);
            }
            return TypedResults.Created("/counts/datasets", summary);
        }
        var v = outcome.Validation;
        var problem = new HttpValidationProblemDetails(v.Details.ToDictionary(d => d.Key, d => d.Value.ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The counts file has errors; nothing was imported.",
            Detail = $"{v.Errors} error(s) in {v.RowsWithErrors} of {v.RowsRead} row(s)" +
                (v.RowsWithErrors > v.Details.Keys.Count(k => k != "file") ? $"; the first {CountsCsvReader.MaxReportedRows} rows with errors are listed." : "."),
            Extensions = { ["rowsRead"] = v.RowsRead, ["rowsWithErrors"] = v.RowsWithErrors, ["errorCount"] = v.Errors },
        };
        return TypedResults.Problem(problem);
    }

    internal sealed record DatasetInfo(string SchoolYear, string Dataset, bool Synthetic, long ImportId);

    private static async Task<Ok<List<DatasetInfo>>> ListDatasets(HotspotDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.SchoolYearDatasets.AsNoTracking().OrderBy(d => d.SchoolYear)
            .Select(d => new DatasetInfo(d.SchoolYear, d.Dataset, d.Synthetic, d.ImportId)).ToListAsync(ct));

    private static ProblemHttpResult TooLarge(long max) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large.", $"A counts upload may be at most {max} bytes; use the import command for larger files.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
