using nietras.SeparatedValues;

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>Reads the bundled source files, so tests compare the service with its sources rather than with constants.</summary>
internal static class GeodataCsv
{
    public static List<string> ReadColumn(string file, string column)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(Path.Combine(RepositoryPaths.Geodata, file));
        var values = new List<string>();
        foreach (var row in reader)
        {
            values.Add(row[column].ToString());
        }
        return values;
    }
}
