using System.Text.Json;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Synthetic;

public sealed class SyntheticDatasetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synthetic-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Writing_a_dataset_gives_a_bom_free_csv_and_a_manifest_that_says_it_is_synthetic()
    {
        var ct = TestContext.Current.CancellationToken;
        var parameters = SyntheticTestData.Parameters(0.02);
        var parametersSha = await SyntheticDataset.Sha256HexAsync(SyntheticTestData.ParametersJson, ct);
        var output = Path.Combine(_folder, "counts.csv");

        var manifest = await SyntheticDataset.WriteAsync(SyntheticTestData.Pc4LookupCsv, SyntheticTestData.CampusesCsv,
            parameters, "parameters.json", parametersSha, output, ct);

        var bytes = await File.ReadAllBytesAsync(output, ct);
        Assert.Equal("school_year,"u8.ToArray(), bytes[..12]);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal(bytes.Length, manifest.OutputBytes);
        Assert.Equal(await SyntheticDataset.Sha256HexAsync(output, ct), manifest.OutputSha256);
        Assert.Equal(bytes.Count(b => b == (byte)'\n') - 1, manifest.Rows);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(SyntheticDataset.ManifestPathFor(output), ct));
        var root = json.RootElement;
        Assert.Equal("SYNTHETIC: not real students", root.GetProperty("notice").GetString());
        Assert.Equal("synthetic-national-v1", root.GetProperty("datasetLabel").GetString());
        Assert.Equal(parameters.Seed, root.GetProperty("seed").GetUInt64());
        Assert.Equal(parametersSha, root.GetProperty("parametersSha256").GetString());
        Assert.Equal(64, root.GetProperty("pc4LookupSha256").GetString()!.Length);
        Assert.Equal(2, root.GetProperty("years").GetArrayLength());
        Assert.DoesNotContain(_folder, root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_twice_gives_identical_files_and_manifests()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = Path.Combine(_folder, "a", "counts.csv");
        var second = Path.Combine(_folder, "b", "counts.csv");
        var parameters = SyntheticTestData.NullParameters(0.02);

        await SyntheticDataset.WriteAsync(SyntheticTestData.Pc4LookupCsv, SyntheticTestData.CampusesCsv, parameters, "p.json", "x", first, ct);
        await SyntheticDataset.WriteAsync(SyntheticTestData.Pc4LookupCsv, SyntheticTestData.CampusesCsv, parameters, "p.json", "x", second, ct);

        Assert.Equal(await File.ReadAllBytesAsync(first, ct), await File.ReadAllBytesAsync(second, ct));
        Assert.Equal(await File.ReadAllBytesAsync(SyntheticDataset.ManifestPathFor(first), ct),
            await File.ReadAllBytesAsync(SyntheticDataset.ManifestPathFor(second), ct));
    }
}
