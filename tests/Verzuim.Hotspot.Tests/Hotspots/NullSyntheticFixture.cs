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
        // Imports queue on one lock with the default 30 s command timeout: let the national set (imported by other
        // test classes in parallel) finish first.
        await NationalSyntheticData.EnsureLoadedAsync(postGis);
        var file = Path.Combine(RepositoryPaths.Geodata, "synthetic", "parameters.null.json");
        var parameters = SyntheticParameters.Load(file);
        parameters = parameters with { Years = [.. parameters.Years.Select((y, i) => y with { SchoolYear = SchoolYears[i] })] };
        await NationalSyntheticData.LoadAsync(postGis, parameters, file);
    }

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, [.. SchoolYears]);
}
