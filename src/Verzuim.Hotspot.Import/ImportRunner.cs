using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import;

namespace Verzuim.Hotspot.Import;

internal static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImportCommands(this IServiceCollection services) =>
        services.AddHotspotImporters().AddSingleton<ImportRunner>();
}

internal sealed class ImportRunner(IServiceProvider services, IOptions<GeographyOptions> geography, ILogger<ImportRunner> logger)
{
    public async Task<int> RunAsync(ImportCommand command, CancellationToken ct)
    {
        try
        {
            switch (command.Verb)
            {
                case "migrate":
                    await MigrateAsync(ct);
                    break;
                case "load-geodata":
                    await MigrateAsync(ct);
                    await LoadGeodataAsync(command, onlyIfEmpty: command.Flag("if-empty"), ct);
                    break;
                case "setup":
                    await MigrateAsync(ct);
                    await LoadGeodataAsync(command, onlyIfEmpty: true, ct);
                    break;
            }
            return 0;
        }
        catch (GeodataInconsistentException e)
        {
            foreach (var problem in e.Problems)
            {
                logger.LogError("Geodata: {Problem}", problem);
            }
            return 1;
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HotspotDbContext>().MigrateHotspotAsync(ct);
    }

    private async Task LoadGeodataAsync(ImportCommand command, bool onlyIfEmpty, CancellationToken ct)
    {
        var year = command.Option("year") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : geography.Value.ClassificationYear;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotDbContext>();
        if (onlyIfEmpty && await db.RmcRegions.AnyAsync(r => r.ClassificationYear == year, ct))
        {
            logger.LogInformation("Geography of {Year} is already loaded", year);
            return;
        }
        var files = new GeodataFiles(command.Option("geodata") ?? geography.Value.GeodataPath, year);
        await scope.ServiceProvider.GetRequiredService<GeographyLoader>().LoadAsync(files, year, ct);
    }
}
