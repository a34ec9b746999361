using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Import;

internal static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImportCommands(this IServiceCollection services)
    {
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section).ValidateDataAnnotations();
        return services.AddHotspotImporters().AddSingleton<ImportRunner>();
    }
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
                    return 0;
                case "load-geodata":
                    await MigrateAsync(ct);
                    await LoadGeodataAsync(command, onlyIfEmpty: command.Flag("if-empty"), ct);
                    return 0;
                case "setup":
                    await MigrateAsync(ct);
                    await LoadGeodataAsync(command, onlyIfEmpty: true, ct);
                    if (!command.Flag("no-synthetic"))
                    {
                        await LoadSyntheticIfNoCountsAsync(command, ct);
                    }
                    return await ProtectAsync(command, ct);
                case "protect":
                    await MigrateAsync(ct);
                    return await ProtectAsync(command, ct);
                case "import-counts":
                    return await ImportCountsAsync(command, ct);
                case "generate-synthetic":
                    await GenerateSyntheticAsync(command, ct);
                    return 0;
                case "keys":
                    return await KeysAsync(command, ct);
                default:
                    return 2;
            }
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

    private string GeodataFolder(ImportCommand command) => command.Option("geodata") ?? geography.Value.GeodataPath;

    private string ParametersFile(ImportCommand command) =>
        command.Option("parameters") ?? Path.Combine(GeodataFolder(command), "synthetic", "parameters.json");

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
        var files = new GeodataFiles(GeodataFolder(command), year);
        await scope.ServiceProvider.GetRequiredService<GeographyLoader>().LoadAsync(files, year, ct);
    }

    private async Task LoadSyntheticIfNoCountsAsync(ImportCommand command, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<HotspotDbContext>().StudentCounts.AnyAsync(ct))
        {
            logger.LogInformation("Counts are loaded already; the synthetic set is not needed");
            return;
        }
        var parametersFile = ParametersFile(command);
        var work = command.Option("work") ?? Path.Combine(Path.GetTempPath(), "verzuim-hotspot");
        logger.LogInformation("No counts yet: generating and importing the SYNTHETIC national counts from {Parameters}", parametersFile);
        var summary = await scope.ServiceProvider.GetRequiredService<SyntheticCountsLoader>().LoadAsync(
            GeodataFolder(command), SyntheticParameters.Load(parametersFile), parametersFile, work, null, ct);
        LogSummary(summary);
    }

    /// <summary>
    /// Computes (or loads) the disclosure protection of every school year, or of --school-year, as the service would on
    /// its first request; --export DIR also writes each as a shipped protection file (see ShippedProtection).
    /// </summary>
    private async Task<int> ProtectAsync(ImportCommand command, CancellationToken ct)
    {
        // The shipped protections are in the geodata folder this command names (--geodata), not the configured one.
        using var store = ActivatorUtilities.CreateInstance<ProtectionStore>(services,
            Options.Create(new GeographyOptions { GeodataPath = GeodataFolder(command), ClassificationYear = geography.Value.ClassificationYear }));
        List<string> schoolYears;
        await using (var scope = services.CreateAsyncScope())
        {
            schoolYears = command.Option("school-year") is { } one
                ? [one]
                : await scope.ServiceProvider.GetRequiredService<HotspotDbContext>().SchoolYearDatasets.OrderBy(d => d.SchoolYear)
                    .Select(d => d.SchoolYear).ToListAsync(ct);
        }
        foreach (var schoolYear in schoolYears)
        {
            var clock = Stopwatch.StartNew();
            if (await store.EnsureAsync(schoolYear, geography.Value.ClassificationYear, ct) is not { } mask)
            {
                logger.LogError("No counts for school year {SchoolYear}", schoolYear);
                return 1;
            }
            logger.LogInformation("School year {SchoolYear} protected: {Hidden} cells hidden, {Seconds:F1} s", schoolYear, mask.HiddenCells,
                clock.Elapsed.TotalSeconds);
            if (command.Option("export") is { } folder)
            {
                logger.LogInformation("Written {Path}", ShippedProtection.Write(folder, mask));
            }
        }
        return 0;
    }

    /// <summary>keys create|list|revoke: the same commands as /admin/keys, for a server without HTTP access.</summary>
    private async Task<int> KeysAsync(ImportCommand command, CancellationToken ct)
    {
        await MigrateAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotDbContext>();
        var clock = TimeProvider.System;
        switch (command.Arguments)
        {
            case ["create", var roleText] when AccessRole.TryParse(roleText, out var role)
                && services.GetRequiredService<IOptions<DisclosureOptions>>().Value.RefusesKey(role) is { } refusal:
                logger.LogError("{Refusal}", refusal);
                return 1;
            case ["create", var roleText] when AccessRole.TryParse(roleText, out var role) && command.Option("label") is { Length: > 0 } label:
                DateTimeOffset? expires = command.Option("expires") is { } e ? DateTimeOffset.Parse(e, CultureInfo.InvariantCulture) : null;
                var issued = await db.IssueKeyAsync(role, label, expires, clock, ct);
                Console.WriteLine($"id      {issued.Id}\nrole    {issued.Role}\nlabel   {issued.Label}\nexpires {issued.ExpiresAt?.ToString("O") ?? "never"}");
                Console.WriteLine($"key     {issued.Key}\n(shown once: hand it over now; only its hash is stored)");
                return 0;
            case ["list"]:
                foreach (var k in await db.ListKeysAsync(clock, ct))
                {
                    Console.WriteLine($"{k.Id}  {k.Role,-20} {(k.Active ? "active " : "revoked/expired")}  {k.Label}");
                }
                return 0;
            case ["revoke", var id] when Guid.TryParse(id, out var keyId):
                if (await db.RevokeKeyAsync(keyId, clock, ct))
                {
                    Console.WriteLine($"revoked {keyId}");
                    return 0;
                }
                Console.Error.WriteLine($"no key {keyId}");
                return 1;
            default:
                Console.Error.WriteLine(ImportCommand.Usage);
                return 2;
        }
    }

    private async Task<int> ImportCountsAsync(ImportCommand command, CancellationToken ct)
    {
        if (command.Arguments is not [var path])
        {
            Console.Error.WriteLine(ImportCommand.Usage);
            return 2;
        }
        await MigrateAsync(ct);
        await using var scope = services.CreateAsyncScope();
        await using var file = File.OpenRead(path);
        var clock = Stopwatch.StartNew();
        using var progress = new ImportProgress(file, clock);
        var outcome = await scope.ServiceProvider.GetRequiredService<CountsImporter>().ImportAsync(
            file, command.Option("dataset") ?? Path.GetFileNameWithoutExtension(path), command.Flag("synthetic"), progress, ct);
        progress.Finish();
        if (outcome.Summary is { } summary)
        {
            LogSummary(summary);
            var t = summary.Timings!;
            logger.LogInformation("{Rows} rows in {Seconds:F2} s ({RowsPerSecond:F0} rows/s): validate and stage {Stage:F2} s, replace {Replace:F2} s",
                summary.RowsRead, t.TotalSeconds, summary.RowsRead / t.TotalSeconds, t.ValidateAndStageSeconds, t.ReplaceSeconds);
            return 0;
        }
        var v = outcome.Validation;
        logger.LogError("Nothing was imported: {Errors} error(s) in {Rows} of {Read} row(s)", v.Errors, v.RowsWithErrors, v.RowsRead);
        foreach (var (key, errors) in v.Details)
        {
            Console.Error.WriteLine($"{key}: {string.Join("; ", errors)}");
        }
        return 1;
    }

    private async Task GenerateSyntheticAsync(ImportCommand command, CancellationToken ct)
    {
        var output = command.Option("out") ?? throw new ArgumentException("generate-synthetic needs --out FILE");
        var files = new GeodataFiles(GeodataFolder(command), geography.Value.ClassificationYear);
        var manifest = await SyntheticDataset.WriteAsync(files.Pc4LookupCsv, files.CampusesCsv, ParametersFile(command), output, ct);
        logger.LogInformation("Wrote {Rows} rows of {Label} (SYNTHETIC) to {Output}; manifest {Manifest}",
            manifest.Rows, manifest.DatasetLabel, output, SyntheticDataset.ManifestPathFor(output));
    }

    private void LogSummary(CountsImportSummary s) =>
        logger.LogInformation(
            "Imported {Dataset}{Synthetic}: {Rows} rows ({Duplicates} duplicates summed), {Students} students, {Reports} absence reports; " +
            "school years {Years}; unplaced {Unplaced} students in {UnplacedPostcodes} postcode(s); data version {Version}",
            s.Dataset, s.Synthetic ? " (SYNTHETIC)" : "", s.RowsRead, s.DuplicatesSummed, s.Students, s.AbsenceReports,
            string.Join(", ", s.SchoolYears.Select(y => y.SchoolYear + (y.Replaced ? " (replaced)" : " (new)"))),
            s.UnplacedStudents, s.Unplaced.Count, s.DataVersion);
}
