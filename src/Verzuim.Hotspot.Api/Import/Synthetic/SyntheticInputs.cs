using nietras.SeparatedValues;

namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// The real inputs of the synthetic model: PC4 population and points (pc4_lookup_*.csv) and campuses
/// (mbo_locaties_kiesmbo_*.csv), read with Sep and sorted by code (ordinal) so nothing depends on file order.
/// </summary>
/// <param name="Pc4Areas">Every PC4 with population &gt; 0 and a point, sorted by code.</param>
/// <param name="Campuses">Every campus with coordinates, sorted by brinvest.</param>
/// <param name="Pc4Read">Rows in the PC4 lookup.</param>
/// <param name="Pc4WithoutPopulation">PC4 with no (or zero) population aged 15-25: they get no students.</param>
/// <param name="Pc4WithMunicipalityPoint">PC4 with population but no point of their own, placed at their municipality's mean PC4 point.</param>
/// <param name="Pc4SkippedWithoutPoint">PC4 with population that could not be placed at all (no point, no municipality point): skipped.</param>
/// <param name="CampusesWithoutPoint">Campuses without coordinates: skipped.</param>
internal sealed record SyntheticInputs(
    IReadOnlyList<SyntheticPc4> Pc4Areas,
    IReadOnlyList<SyntheticCampus> Campuses,
    int Pc4Read,
    int Pc4WithoutPopulation,
    int Pc4WithMunicipalityPoint,
    int Pc4SkippedWithoutPoint,
    int CampusesWithoutPoint)
{
    public static SyntheticInputs Load(string pc4LookupCsv, string campusesCsv)
    {
        var raw = ReadPc4(pc4LookupCsv);
        var campuses = ReadCampuses(campusesCsv, out var campusesWithoutPoint);

        // Mean point of the PC4 of each municipality that have one: the stand-in for a PC4 without coordinates.
        var municipalityPoints = raw
            .Where(r => r.X is not null && r.Y is not null && r.Municipality.Length > 0)
            .GroupBy(r => r.Municipality, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (X: g.Average(r => r.X!.Value), Y: g.Average(r => r.Y!.Value)), StringComparer.Ordinal);

        var areas = new List<SyntheticPc4>();
        int withoutPopulation = 0, withMunicipalityPoint = 0, skipped = 0;
        foreach (var r in raw)
        {
            if (!(r.Population > 0))
            {
                withoutPopulation++;
            }
            else if (r.X is { } x && r.Y is { } y)
            {
                areas.Add(new SyntheticPc4(r.Code, r.Municipality, r.Rmc, r.Population, x, y, false));
            }
            else if (municipalityPoints.TryGetValue(r.Municipality, out var point))
            {
                areas.Add(new SyntheticPc4(r.Code, r.Municipality, r.Rmc, r.Population, point.X, point.Y, true));
                withMunicipalityPoint++;
            }
            else
            {
                skipped++;
            }
        }
        areas.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return new SyntheticInputs(areas, campuses, raw.Count, withoutPopulation, withMunicipalityPoint, skipped, campusesWithoutPoint);
    }

    private static List<(string Code, string Municipality, string Rmc, double Population, double? X, double? Y)> ReadPc4(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var rows = new List<(string Code, string Municipality, string Rmc, double Population, double? X, double? Y)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var line = row.RowIndex + 1;
            var code = row["pc4"].ToString();
            if (!IsDigits(code, 4))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} row {line}: pc4 '{code}' is not 4 digits.");
            }
            if (!seen.Add(code))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} row {line}: pc4 {code} occurs twice.");
            }
            var population = Number(row["inwoners_15_25_2023"].Span, path, line)
                ?? (Number(row["inwoners_15_19_2021"].Span, path, line) ?? 0) + (Number(row["inwoners_20_24_2021"].Span, path, line) ?? 0);
            rows.Add((code, row["gemeentecode"].ToString(), row["rmc_code"].ToString(), population,
                Number(row["x_rd"].Span, path, line), Number(row["y_rd"].Span, path, line)));
        }
        return rows;
    }

    private static List<SyntheticCampus> ReadCampuses(string path, out int withoutPoint)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var campuses = new List<SyntheticCampus>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        withoutPoint = 0;
        foreach (var row in reader)
        {
            var line = row.RowIndex + 1;
            var brin = row["brin"].ToString();
            var vestiging = row["vestigingsnummer"].ToString();
            var brinVest = row["brinvest"].ToString();
            if (brin.Length != 4 || !IsDigits(vestiging, 2) || brinVest != brin + vestiging)
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(path)} row {line}: brinvest '{brinVest}' is not a 4-character BRIN '{brin}' plus 2-digit vestiging '{vestiging}'.");
            }
            if (!seen.Add(brinVest))
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} row {line}: brinvest {brinVest} occurs twice.");
            }
            var x = Number(row["x_rd"].Span, path, line);
            var y = Number(row["y_rd"].Span, path, line);
            if (x is null || y is null)
            {
                withoutPoint++;
                continue;
            }
            campuses.Add(new SyntheticCampus(brinVest, brin, vestiging, x.Value, y.Value,
                row["is_hoofdlocatie"].Span is "1" or "true" or "True", row["rmc_code"].ToString()));
        }
        campuses.Sort((a, b) => string.CompareOrdinal(a.BrinVest, b.BrinVest));
        return campuses;
    }

    private static double? Number(ReadOnlySpan<char> text, string path, int line)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{Path.GetFileName(path)} row {line}: '{text}' is not a number.");
    }

    private static bool IsDigits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);
}
