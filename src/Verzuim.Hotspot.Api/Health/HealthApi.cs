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
        NpgsqlDataSource dataSource, DataVersionReader versions, IOptions<GeographyOptions> options,
        IOptions<DatabaseOptions> database, HttpContext http, CancellationToken ct)
    {
        var year = options.Value.ClassificationYear;
        try
        {
            // The data version first, as every other request reads it: that read notices a restart of the database
            // and forgets the pooled connections it broke, so a restart nobody met does not make this replica not ready.
            var version = await versions.ReadAsync(ct);
            await using var cmd = dataSource.CreateCommand("select count(*)::int from rmc_regions where classification_year = $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = year });
            var regions = (int)(await cmd.ExecuteScalarAsync(ct))!;
            return regions > 0
                ? TypedResults.Ok(new HealthStatus("ready", year, regions, version))
                : NotReady($"The geography of {year} is not loaded.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // A load balancer takes the replica out; clients that call this directly learn when to look again.
            DatabaseUnavailableHandler.ForgetPooledConnections(dataSource);
            http.Response.Headers.RetryAfter = database.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return NotReady($"The database does not answer: {e.Message}");
        }
    }

    private static ProblemHttpResult NotReady(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready.");
}
