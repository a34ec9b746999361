namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Computes (or loads) the protection of every school year when the service starts, one after the other, so the
/// first readers do not wait for it. An import starts the protection of its own school years itself
/// (<see cref="ProtectionStore.EnsureAsync"/> from the import endpoint).
/// </summary>
internal sealed partial class ProtectionWarmer(IServiceScopeFactory scopes, ProtectionStore store, IOptions<GeographyOptions> geography,
    IOptions<DisclosureOptions> options, ILogger<ProtectionWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmOnStart)
        {
            return;
        }
        List<string> schoolYears;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotspotDbContext>();
            schoolYears = await db.SchoolYearDatasets.AsNoTracking().OrderByDescending(d => d.SchoolYear).Select(d => d.SchoolYear).ToListAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database that is not there yet (or not migrated) is not the warmer's failure: requests start it later.
            LogSkipped(logger, e.Message);
            return;
        }
        foreach (var schoolYear in schoolYears)
        {
            try
            {
                await store.EnsureAsync(schoolYear, geography.Value.ClassificationYear, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, schoolYear, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disclosure protection not warmed at start: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Disclosure protection of school year {SchoolYear} failed")]
    private static partial void LogFailed(ILogger logger, string schoolYear, Exception exception);
}
