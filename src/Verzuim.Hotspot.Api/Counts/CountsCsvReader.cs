using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>One valid data row, its postcode already reduced to PC4.</summary>
internal readonly record struct CountsRow(string SchoolYear, string BrinVest, string Pc4, string AgeBand, int Students, int AbsenceReports, int? StudentsReported);

/// <summary>What reading a counts file found: rows, and every row error (the first <see cref="CountsCsvReader.MaxReportedRows"/> in detail).</summary>
internal sealed class CountsCsvResult
{
    public long RowsRead { get; set; }
    public long RowsWithErrors { get; set; }
    public long Errors { get; set; }

    /// <summary>Keyed "row N" (N is the line number in the file; the header is line 1) or "file".</summary>
    public SortedDictionary<string, List<string>> Details { get; } = new(RowKeyComparer.Instance);

    public bool HasErrors => Errors > 0;

    public void AddFileError(string message)
    {
        Errors++;
        Details.TryAdd("file", []);
        Details["file"].Add(message);
    }

    private sealed class RowKeyComparer : IComparer<string>
    {
        public static readonly RowKeyComparer Instance = new();

        public int Compare(string? x, string? y) => (Number(x), Number(y)) switch
        {
            var (a, b) when a != b => a.CompareTo(b),
            _ => string.CompareOrdinal(x, y),
        };

        private static long Number(string? key) =>
            key is not null && key.StartsWith("row ", StringComparison.Ordinal) ? long.Parse(key.AsSpan(4), CultureInfo.InvariantCulture) : -1;
    }
}

/// <summary>
/// Reads and validates the counts CSV format (README, "Import format"): header in any case and column order,
/// ',' or ';', UTF-8 with or without BOM. Valid rows stream to a callback until the first error; every error is collected.
/// </summary>
internal sealed class CountsCsvReader(IReadOnlySet<string> knownCampuses)
{
    public const int MaxReportedRows = 100;

    public static readonly string[] RequiredColumns = ["school_year", "brin", "vestiging", "postcode", "age_band", "students", "absence_reports"];
    public const string OptionalStudentsReported = "students_reported";

    public async Task<CountsCsvResult> ReadAsync(Stream csv, Func<CountsRow, ValueTask> onRow, IProgress<long>? progress, CancellationToken ct)
    {
        var result = new CountsCsvResult();
        using var text = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        SepReader reader;
        try
        {
            reader = await Sep.Reader(o => o with
            {
                Unescape = true,
                Trim = SepTrim.All,
                DisableColCountCheck = true,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
            }).FromAsync(text, ct);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            result.AddFileError("The file is not readable UTF-8 CSV: " + e.Message);
            return result;
        }

        using (reader)
        {
            if (!CheckHeader(reader, result))
            {
                return result;
            }
            var hasReported = reader.Header.TryIndexOf(OptionalStudentsReported, out var reportedIndex);
            var columnCount = reader.Header.ColNames.Count;
            try
            {
                await foreach (var row in reader)
                {
                    result.RowsRead++;
                    var key = $"row {row.LineNumberFrom}";
                    var errors = new List<string>();
                    var parsed = row.ColCount != columnCount
                        ? Fail(errors, $"expected {columnCount} columns as in the header, found {row.ColCount}")
                        : Parse(row, hasReported ? reportedIndex : -1, errors);
                    if (parsed is { } valid)
                    {
                        // After the first error nothing will be written, so rows are only validated.
                        if (!result.HasErrors)
                        {
                            await onRow(valid);
                        }
                    }
                    else
                    {
                        Record(result, key, errors);
                    }
                    if (result.RowsRead % 50_000 == 0)
                    {
                        progress?.Report(result.RowsRead);
                    }
                }
            }
            catch (DecoderFallbackException e)
            {
                result.AddFileError($"The file is not valid UTF-8 after row {result.RowsRead + 1}: {e.Message}");
            }
        }
        progress?.Report(result.RowsRead);
        if (result.RowsRead == 0 && !result.HasErrors)
        {
            result.AddFileError("The file has a header but no data rows.");
        }
        return result;
    }

    private static bool CheckHeader(SepReader reader, CountsCsvResult result)
    {
        if (reader.Spec.Sep.Separator is not (',' or ';'))
        {
            result.AddFileError($"The delimiter must be ',' or ';' (found '{reader.Spec.Sep.Separator}').");
            return false;
        }
        var missing = RequiredColumns.Where(c => !reader.Header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            result.AddFileError($"The header lacks column(s) {string.Join(", ", missing)}; expected {string.Join(",", RequiredColumns)} (any order, optional {OptionalStudentsReported}).");
            return false;
        }
        return true;
    }

    private CountsRow? Parse(SepReader.Row row, int reportedIndex, List<string> errors)
    {
        var schoolYear = row["school_year"].ToString();
        if (!IsSchoolYear(schoolYear))
        {
            errors.Add($"school_year: '{schoolYear}' is not two consecutive years such as 2024-2025");
        }
        var brinVest = row["brin"].ToString().ToUpperInvariant() + row["vestiging"].ToString();
        if (!Codes.TryBrin(row["brin"].ToString(), out _))
        {
            errors.Add($"brin: '{row["brin"]}' is not a BRIN (four characters, e.g. 25LX)");
        }
        else if (row["vestiging"].Span is not [>= '0' and <= '9', >= '0' and <= '9'])
        {
            errors.Add($"vestiging: '{row["vestiging"]}' is not two digits");
        }
        else if (!knownCampuses.Contains(brinVest))
        {
            errors.Add($"brin, vestiging: campus {brinVest} is not known");
        }
        var postcode = row["postcode"].ToString();
        if (!Codes.TryPostcode(postcode, out _, out var pc4))
        {
            errors.Add($"postcode: '{postcode}' is not a PC4 (1234) or PC6 (1234AB) postcode");
        }
        var ageBand = AgeBands.Parse(row["age_band"].Span);
        if (ageBand is null)
        {
            errors.Add($"age_band: '{row["age_band"]}' is not under18 or 18plus (or <18, 18-, 18+)");
        }
        var students = Count(row["students"].Span, "students", errors);
        var reports = Count(row["absence_reports"].Span, "absence_reports", errors);
        int? reported = null;
        if (reportedIndex >= 0 && !row[reportedIndex].Span.IsEmpty)
        {
            reported = Count(row[reportedIndex].Span, OptionalStudentsReported, errors);
            if (reported > students && students is not null)
            {
                errors.Add($"{OptionalStudentsReported}: {reported} is more than students ({students})");
            }
        }
        return errors.Count == 0
            ? new CountsRow(schoolYear, brinVest, pc4, ageBand!, students!.Value, reports!.Value, reported)
            : null;
    }

    private static bool IsSchoolYear(string value) =>
        value.Length == 9 && value[4] == '-'
        && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
        && int.TryParse(value.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var second)
        && second == first + 1 && first is >= 1990 and <= 2100;

    private static int? Count(ReadOnlySpan<char> value, string column, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        errors.Add($"{column}: '{value}' is not a whole number >= 0");
        return null;
    }

    private static CountsRow? Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }

    private static void Record(CountsCsvResult result, string key, List<string> errors)
    {
        result.RowsWithErrors++;
        result.Errors += errors.Count;
        if (result.Details.Count < MaxReportedRows)
        {
            result.Details[key] = errors;
        }
    }
}
