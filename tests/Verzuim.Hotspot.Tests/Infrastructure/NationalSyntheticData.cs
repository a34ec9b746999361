using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// The synthetic national dataset (school years 2023-2024 and 2024-2025), generated and imported into the fixture's
/// database once per test run, on first use. It belongs to the assembly's <see cref="PostGisFixture"/>
/// (<see cref="PostGisFixture.National"/>), so it lives and dies with that database; its disclosure protection is
/// computed with it. Tests only read it; none may write those school years.
/// </summary>
public sealed class NationalSyntheticData(PostGisFixture postGis)
{
    public const string Latest = "2024-2025";
    public const string Previous = "2023-2024";

    // One import, however many test classes ask at once.
    private readonly Lazy<Task<CountsImportSummary>> _import = new(async () =>
    {
        var summary = await LoadAsync(postGis, SyntheticParameters.Load(ParametersFile), ParametersFile);
        // Published only with its joint protection, which takes minutes on a national set: compute it once, here.
        await Protections.EnsureAsync(postGis, Latest, Previous);
        return summary;
    });

    /// <summary>The planted-hotspot parameters, as shipped in geodata/synthetic.</summary>
    public static string ParametersFile => Path.Combine(RepositoryPaths.Geodata, "synthetic", "parameters.json");

    internal Task<CountsImportSummary> EnsureLoadedAsync() => _import.Value;

    /// <summary>Generates and imports any parameter set (e.g. the null set under school years of its own).</summary>
    internal static Task<CountsImportSummary> LoadAsync(PostGisFixture postGis, SyntheticParameters parameters, string parametersFile)
    {
        var geography = Options.Create(new GeographyOptions());
        var loader = new SyntheticCountsLoader(new CountsImporter(postGis.DataSource, geography), geography);
        var work = Directory.CreateTempSubdirectory("synthetic-").FullName;
        return loader.LoadAsync(RepositoryPaths.Geodata, parameters, parametersFile, work, null, CancellationToken.None);
    }
}
