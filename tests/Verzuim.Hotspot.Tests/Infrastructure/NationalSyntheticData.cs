using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// The synthetic national dataset (school years 2023-2024 and 2024-2025), generated and imported into the fixture's
/// database once per test run, on first use. Tests only read it; none may write those school years.
/// </summary>
public static class NationalSyntheticData
{
    public const string Latest = "2024-2025";
    public const string Previous = "2023-2024";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CountsImportSummary? _summary;

    /// <summary>The planted-hotspot parameters, as shipped in geodata/synthetic.</summary>
    public static string ParametersFile => Path.Combine(RepositoryPaths.Geodata, "synthetic", "parameters.json");

    internal static async Task<CountsImportSummary> EnsureLoadedAsync(PostGisFixture postGis)
    {
        await Gate.WaitAsync();
        try
        {
            return _summary ??= await LoadAsync(postGis, SyntheticParameters.Load(ParametersFile), ParametersFile);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Generates and imports any parameter set (e.g. the null set under school years of its own).</summary>
    internal static Task<CountsImportSummary> LoadAsync(PostGisFixture postGis, SyntheticParameters parameters, string parametersFile)
    {
        var geography = Options.Create(new GeographyOptions());
        var loader = new SyntheticCountsLoader(new CountsImporter(postGis.DataSource, geography), geography);
        var work = Directory.CreateTempSubdirectory("synthetic-").FullName;
        return loader.LoadAsync(RepositoryPaths.Geodata, parameters, parametersFile, work, null, CancellationToken.None);
    }
}
