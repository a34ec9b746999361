using System.Globalization;

namespace Verzuim.Hotspot.Tests.Synthetic;

/// <summary>One data row of the import format, parsed back for checks.</summary>
internal sealed record SyntheticRow(
    string SchoolYear, string Brin, string Vestiging, string Postcode, string AgeBand, int Students, int AbsenceReports)
{
    public string BrinVest => Brin + Vestiging;

    public static SyntheticRow Parse(string line)
    {
        var f = line.Split(',');
        if (f.Length != 7)
        {
            throw new FormatException($"Expected 7 fields: '{line}'.");
        }
        return new SyntheticRow(f[0], f[1], f[2], f[3], f[4],
            int.Parse(f[5], NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(f[6], NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
