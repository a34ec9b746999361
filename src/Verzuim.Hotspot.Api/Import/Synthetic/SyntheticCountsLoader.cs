namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>Generates the synthetic national counts from their parameter file and imports them, labelled synthetic.</summary>
internal sealed class SyntheticCountsLoader(CountsImporter importer, IOptions<GeographyOptions> geography)
{
    /// <param name="parameters">Loaded from <paramref name="parametersFile"/>, possibly changed (tests rename school years).</param>
    /// <param name="workFolder">Where the CSV and its manifest are written; kept so the data can be inspected.</param>
    public async Task<CountsImportSummary> LoadAsync(string geodataFolder, SyntheticParameters parameters, string parametersFile,
        string workFolder, IProgress<long>? progress, CancellationToken ct)
    {
        var files = new GeodataFiles(geodataFolder, geography.Value.ClassificationYear);
        Directory.CreateDirectory(workFolder);
        var csv = Path.Combine(workFolder, Path.GetFileNameWithoutExtension(parametersFile) + ".counts.csv");
        var sha = await SyntheticDataset.Sha256HexAsync(parametersFile, ct);
        var manifest = await SyntheticDataset.WriteAsync(files.Pc4LookupCsv, files.CampusesCsv, parameters, parametersFile, sha, csv, ct);
        await using var stream = File.OpenRead(csv);
        var outcome = await importer.ImportAsync(stream, manifest.DatasetLabel, synthetic: true, progress, ct);
        return outcome.Summary ?? throw new InvalidDataException(
            "The generated synthetic counts did not pass validation: " +
            string.Join("; ", outcome.Validation.Details.Take(5).Select(d => d.Key + ": " + string.Join(", ", d.Value))));
    }
}
