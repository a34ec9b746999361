using System.Text;
using nietras.SeparatedValues;

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
internal sealed class CountsCsvReader
{
    public CountsCsvReader(IReadOnlySet<string> knownCampuses) =>
        _campuses = new(v => knownCampuses.Contains(v)
            ? new Checked(v, null) : new Checked(null, $"brin, vestiging: campus {v} is not known"));

    public const int MaxReportedRows = 100;

    public static readonly string[] RequiredColumns = ["school_year", "brin", "vestiging", "postcode", "age_band", "students", "absence_reports"];
    public const string OptionalStudentsReported = "students_reported";

    public async Task<CountsCsvResult> ReadAsync(Stream csv, Func<CountsRow, ValueTask> onRow, IProgress<long>? progress, CancellationToken ct)
    {
        var result = new CountsCsvResult();
        // The caller owns the stream (the import command still reports its position).
        using var text = new StreamReader(csv, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
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
            var columns = Columns.Of(reader.Header);
            var columnCount = reader.Header.ColNames.Count;
            try
            {
                await foreach (var row in reader)
                {
                    result.RowsRead++;
                    var errors = new List<string>(0);
                    var parsed = row.ColCount != columnCount
                        ? Fail(errors, $"expected {columnCount} columns as in the header, found {row.ColCount}")
                        : Parse(row, columns, errors);
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
                        Record(result, $"row {row.LineNumberFrom}", errors);
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

    /// <summary>A parsed column value: the canonical value, or the reason it is wrong.</summary>
    private readonly record struct Checked(string? Value, string? Error);

    private CountsRow? Parse(SepReader.Row row, Columns c, List<string> errors)
    {
        var schoolYear = Note(_schoolYears.Get(row[c.SchoolYear].Span), errors);
        var brin = Note(_brins.Get(row[c.Brin].Span), errors);
        var vestiging = row[c.Vestiging].Span;
        string? brinVest = null;
        if (brin is not null)
        {
            Span<char> code = stackalloc char[6];
            if (vestiging is not [>= '0' and <= '9', >= '0' and <= '9'])
            {
                errors.Add($"vestiging: '{vestiging}' is not two digits");
            }
            else
            {
                brin.CopyTo(code);
                vestiging.CopyTo(code[4..]);
                brinVest = Note(_campuses.Get(code), errors);
            }
        }
        var pc4 = Note(_postcodes.Get(row[c.Postcode].Span), errors);
        var ageBand = Note(_ageBands.Get(row[c.AgeBand].Span), errors);
        var students = Count(row[c.Students].Span, "students", errors);
        var reports = Count(row[c.AbsenceReports].Span, "absence_reports", errors);
        int? reported = null;
        if (c.StudentsReported >= 0 && !row[c.StudentsReported].Span.IsEmpty)
        {
            reported = Count(row[c.StudentsReported].Span, OptionalStudentsReported, errors);
            if (reported > students && students is not null)
            {
                errors.Add($"{OptionalStudentsReported}: {reported} is more than students ({students})");
            }
        }
        return errors.Count == 0
            ? new CountsRow(schoolYear!, brinVest!, pc4!, ageBand!, students!.Value, reports!.Value, reported)
            : null;
    }

    private static string? Note(Checked value, List<string> errors)
    {
        if (value.Error is not null)
        {
            errors.Add(value.Error);
        }
        return value.Value;
    }

    /// <summary>Column positions, looked up once from the header.</summary>
    private sealed record Columns(int SchoolYear, int Brin, int Vestiging, int Postcode, int AgeBand, int Students, int AbsenceReports, int StudentsReported)
    {
        public static Columns Of(SepReaderHeader header) => new(
            header.IndexOf("school_year"), header.IndexOf("brin"), header.IndexOf("vestiging"), header.IndexOf("postcode"),
            header.IndexOf("age_band"), header.IndexOf("students"), header.IndexOf("absence_reports"),
            header.TryIndexOf(OptionalStudentsReported, out var reported) ? reported : -1);
    }

    private readonly SpanCache<Checked> _schoolYears = new(v => SchoolYears.IsValid(v)
        ? new Checked(v, null) : new Checked(null, $"school_year: '{v}' is not {SchoolYears.Rule}"));

    private readonly SpanCache<Checked> _brins = new(v => Codes.TryBrin(v, out var brin)
        ? new Checked(brin, null) : new Checked(null, $"brin: '{v}' is not a BRIN (four characters, e.g. 25LX)"));

    private readonly SpanCache<Checked> _campuses;

    private readonly SpanCache<Checked> _postcodes = new(v => Codes.TryPostcode(v, out _, out var pc4)
        ? new Checked(pc4, null) : new Checked(null, $"postcode: '{v}' is not a PC4 (1234) or PC6 (1234AB) postcode"));

    private readonly SpanCache<Checked> _ageBands = new(v => AgeBands.Parse(v) is { } band
        ? new Checked(band, null) : new Checked(null, $"age_band: '{v}' is not under18 or 18plus (or <18, 18-, 18+)"));

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
