namespace Verzuim.Hotspot.Api.Health;

internal static class HealthApi
{
    public sealed record HealthStatus(string Status, int? ClassificationYear = null, int? RmcRegions = null, long? DataVersion = null);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")))
            .WithName("Live").WithSummary("The process is up.");
        group.MapGet("/ready", Ready)
            .WithName("Ready").WithSummary("The database answers and the geography of the configured classification year is loaded.");
        return app;
    }

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> Ready(
        NpgsqlDataSource dataSource, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        var year = options.Value.ClassificationYear;
        try
        {
            await using var cmd = dataSource.CreateCommand("""
                select (select count(*) from rmc_regions where classification_year = $1)::int,
                       (select version from data_state where id = 1)
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = year });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var regions = reader.GetInt32(0);
            long? version = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            return regions > 0
                ? TypedResults.Ok(new HealthStatus("ready", year, regions, version))
                : NotReady($"The geography of {year} is not loaded.");
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            return NotReady($"The database does not answer: {e.Message}");
        }
    }

    private static ProblemHttpResult NotReady(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.");
}
