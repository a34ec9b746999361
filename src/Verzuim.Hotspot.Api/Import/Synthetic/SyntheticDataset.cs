using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// File-level entry point for console commands and scripts: generates the CSV at <c>outputCsv</c> (UTF-8 without BOM,
/// '\n' line ends, streamed) and writes the manifest <c>outputCsv + ".json"</c>.
/// </summary>
internal static class SyntheticDataset
{
    public const string GeneratorName = "Verzuim.Hotspot.Api.Import.Synthetic v1 (xoshiro256** per keyed stream, SplitMix64 seeding)";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ManifestPathFor(string outputCsv) => outputCsv + ".json";

    /// <summary>Loads <paramref name="parametersJson"/>, generates, writes CSV and manifest.</summary>
    public static async Task<SyntheticManifest> WriteAsync(
        string pc4LookupCsv, string campusesCsv, string parametersJson, string outputCsv, CancellationToken ct)
    {
        var parameters = SyntheticParameters.Load(parametersJson);
        return await WriteAsync(pc4LookupCsv, campusesCsv, parameters, Path.GetFileName(parametersJson),
            await Sha256HexAsync(parametersJson, ct), outputCsv, ct);
    }

    /// <summary>
    /// As above with parameters already loaded (and perhaps adjusted, e.g. another seed); the manifest records
    /// <paramref name="parametersFile"/> and <paramref name="parametersSha256"/> as given, and the seed actually used.
    /// </summary>
    public static async Task<SyntheticManifest> WriteAsync(
        string pc4LookupCsv, string campusesCsv, SyntheticParameters parameters, string parametersFile, string parametersSha256,
        string outputCsv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputCsv));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        SyntheticSummary summary;
        await using (var stream = new FileStream(outputCsv, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        await using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16) { NewLine = "\n" })
        {
            summary = await SyntheticCountsGenerator.GenerateAsync(pc4LookupCsv, campusesCsv, parameters, writer, ct);
        }

        var manifest = new SyntheticManifest(
            summary.DatasetLabel,
            SyntheticManifest.SyntheticNotice,
            GeneratorName,
            summary.Seed,
            parametersFile,
            parametersSha256,
            Path.GetFileName(pc4LookupCsv),
            await Sha256HexAsync(pc4LookupCsv, ct),
            Path.GetFileName(campusesCsv),
            await Sha256HexAsync(campusesCsv, ct),
            Path.GetFileName(outputCsv),
            await Sha256HexAsync(outputCsv, ct),
            new FileInfo(outputCsv).Length,
            summary.Rows,
            summary.Years,
            summary.Pc4Placed,
            summary.Pc4WithMunicipalityPoint,
            summary.Pc4SkippedWithoutPoint,
            summary.Campuses,
            summary.Hotspots,
            parameters.InstitutionHotspots,
            summary.InstitutionFactors,
            summary.RegionFactors);

        await using (var manifestStream = new FileStream(ManifestPathFor(outputCsv), FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(manifestStream, manifest, SyntheticJsonContext.Default.SyntheticManifest, ct);
            manifestStream.WriteByte((byte)'\n');
        }
        return manifest;
    }

    public static async Task<string> Sha256HexAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
