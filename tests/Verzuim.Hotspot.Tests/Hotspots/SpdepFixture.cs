using System.Globalization;

namespace Verzuim.Hotspot.Tests.Hotspots;

/// <summary>
/// Reads the CSV files written by Fixtures/spdep/make_fixture.R (values printed with %.17g).
/// </summary>
internal static class SpdepFixture
{
    /// <summary>|actual - expected| &lt;= 1e-9 * max(1, |expected|): absolute below 1, relative above.</summary>
    public const double Tolerance = 1e-9;

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Table(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "spdep", name));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return (IReadOnlyDictionary<string, string>)header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        })];
    }

    public static double[] Column(IReadOnlyList<IReadOnlyDictionary<string, string>> table, string column) =>
        [.. table.Select(row => Number(row[column]))];

    public static IReadOnlyDictionary<string, string> Meta() =>
        Table("meta.csv").ToDictionary(row => row["key"], row => row["value"]);

    public static double Number(string text) => text switch
    {
        "NA" or "NaN" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>The 7 x 7 queen grid plus the isolated area, 0-based.</summary>
    public static (double[] X, int[][] Neighbours, IReadOnlyList<IReadOnlyDictionary<string, string>> Areas) Grid()
    {
        var areas = Table("areas.csv");
        var neighbours = areas
            .Select(row => row["neighbours"].Length == 0
                ? Array.Empty<int>()
                : row["neighbours"].Split(';').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (Column(areas, "x"), neighbours, areas);
    }

    public static void AssertClose(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }

        var allowed = Tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void AssertAllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], actual[i], $"{what}[{i}]");
        }
    }
}
