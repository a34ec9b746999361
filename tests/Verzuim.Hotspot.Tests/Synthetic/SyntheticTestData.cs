using System.Text;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Synthetic;

/// <summary>Locates the real geodata files of the repository and generates (scaled-down) datasets in memory.</summary>
internal static class SyntheticTestData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<SyntheticInputs> LoadedInputs = new(() => SyntheticInputs.Load(Pc4LookupCsv, CampusesCsv));

    public static string GeodataFolder => Path.Combine(Root.Value, "geodata");
    public static string Pc4LookupCsv => Path.Combine(GeodataFolder, "pc4_lookup_2025.csv");
    public static string CampusesCsv => Path.Combine(GeodataFolder, "mbo_locaties_kiesmbo_2025-02.csv");
    public static string ParametersJson => Path.Combine(GeodataFolder, "synthetic", "parameters.json");
    public static string NullParametersJson => Path.Combine(GeodataFolder, "synthetic", "parameters.null.json");

    /// <summary>The real inputs, read once per test run.</summary>
    public static SyntheticInputs Inputs => LoadedInputs.Value;

    public static SyntheticParameters Parameters(double scale = 1.0)
    {
        var parameters = SyntheticParameters.Load(ParametersJson);
        return scale == 1.0 ? parameters : parameters.WithStudentScale(scale);
    }

    public static SyntheticParameters NullParameters(double scale = 1.0)
    {
        var parameters = SyntheticParameters.Load(NullParametersJson);
        return scale == 1.0 ? parameters : parameters.WithStudentScale(scale);
    }

    /// <summary>The generated CSV as UTF-8 bytes, exactly as a file would hold them.</summary>
    public static async Task<byte[]> GenerateBytesAsync(SyntheticParameters parameters, CancellationToken ct)
    {
        using var memory = new MemoryStream();
        await using (var writer = new StreamWriter(memory, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            await SyntheticCountsGenerator.GenerateAsync(Inputs, parameters, writer, ct);
        }
        return memory.ToArray();
    }

    public static async Task<(SyntheticSummary Summary, string Csv)> GenerateTextAsync(SyntheticParameters parameters, CancellationToken ct)
    {
        await using var writer = new StringWriter();
        var summary = await SyntheticCountsGenerator.GenerateAsync(Inputs, parameters, writer, ct);
        return (summary, writer.ToString());
    }

    public static List<SyntheticRow> ParseRows(string csv)
    {
        var lines = csv.Split('\n');
        if (lines[0] != SyntheticCountsGenerator.Header)
        {
            throw new InvalidDataException($"Unexpected header '{lines[0]}'.");
        }
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(SyntheticRow.Parse)];
    }

    /// <summary>Walks up from the test binaries to the folder holding Verzuim.Hotspot.sln or geodata/.</summary>
    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verzuim.Hotspot.sln")) || Directory.Exists(Path.Combine(dir.FullName, "geodata")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No folder with Verzuim.Hotspot.sln or geodata/ above {AppContext.BaseDirectory}.");
    }
}
