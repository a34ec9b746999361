using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Synthetic;

/// <summary>
/// One generated dataset per parameter file, shared by the tests of a class: the planted parameters at 40 % of the
/// national totals (about 200,000 students a year, fast but with enough students per hotspot) and the null parameters.
/// </summary>
public sealed class SyntheticDatasetFixture : IAsyncLifetime
{
    public const double Scale = 0.4;

    internal SyntheticParameters Parameters { get; } = SyntheticTestData.Parameters(Scale);
    internal SyntheticParameters NullParameters { get; } = SyntheticTestData.NullParameters(Scale);
    internal SyntheticSummary Summary { get; private set; } = null!;
    internal string Csv { get; private set; } = "";
    internal List<SyntheticRow> Rows { get; private set; } = [];
    internal List<SyntheticRow> NullRows { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        (Summary, Csv) = await SyntheticTestData.GenerateTextAsync(Parameters, CancellationToken.None);
        Rows = SyntheticTestData.ParseRows(Csv);
        var (_, nullCsv) = await SyntheticTestData.GenerateTextAsync(NullParameters, CancellationToken.None);
        NullRows = SyntheticTestData.ParseRows(nullCsv);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
