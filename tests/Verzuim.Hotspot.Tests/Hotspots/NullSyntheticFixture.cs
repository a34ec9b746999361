using Microsoft.Extensions.Options;
using Npgsql;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import.Synthetic;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Hotspots;

/// <summary>
/// The null synthetic set (parameters.null.json: no planted hotspots, no institution or region effects), imported
/// once for the class under school years of its own and deleted afterwards.
/// </summary>
public sealed class NullSyntheticFixture(PostGisFixture postGis) : IAsyncLifetime
{
    public IReadOnlyList<string> SchoolYears { get; } = ["2050-2051", "2051-2052"];

    public async ValueTask InitializeAsync()
    {
        // Imports queue on one lock: let the national set (imported by other test classes in parallel) finish first.
        await postGis.National.EnsureLoadedAsync();
        var file = Path.Combine(RepositoryPaths.Geodata, "synthetic", "parameters.null.json");
        var parameters = SyntheticParameters.Load(file);
        parameters = parameters with { Years = [.. parameters.Years.Select((y, i) => y with { SchoolYear = SchoolYears[i] })] };

        // 400,000 rows while other classes keep both cores busy can outlast the default 30 s command timeout.
        var patient = new NpgsqlConnectionStringBuilder(postGis.ConnectionString) { CommandTimeout = 600 }.ConnectionString;
        await using var dataSource = DataExtensions.CreateDataSource(patient);
        var geography = Options.Create(new GeographyOptions());
        var loader = new SyntheticCountsLoader(new CountsImporter(dataSource, geography), geography);
        await loader.LoadAsync(RepositoryPaths.Geodata, parameters, file, Directory.CreateTempSubdirectory("synthetic-null-").FullName,
            null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, [.. SchoolYears]);
}
