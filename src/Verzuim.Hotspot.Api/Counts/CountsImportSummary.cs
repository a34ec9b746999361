namespace Verzuim.Hotspot.Api.Counts;

internal sealed record RegionTotal(string Code, string Name, long Students, long AbsenceReports);

internal sealed record UnplacedPostcode(string Pc4, long Students, long AbsenceReports);

internal sealed record ImportedSchoolYear(string SchoolYear, bool Replaced);

/// <summary>What an import brought in; the 201 body of POST /imports/counts.</summary>
internal sealed record CountsImportSummary(
    long ImportId,
    string Dataset,
    bool Synthetic,
    long RowsRead,
    long DuplicatesSummed,
    long Students,
    long AbsenceReports,
    IReadOnlyList<ImportedSchoolYear> SchoolYears,
    IReadOnlyList<RegionTotal> PlacedPerRegion,
    long UnplacedStudents,
    long UnplacedAbsenceReports,
    IReadOnlyList<UnplacedPostcode> Unplaced,
    long DataVersion)
{
    public ImportTimings? Timings { get; init; }
}

/// <summary>Seconds spent reading, validating and copying into staging; replacing and summarising; in all.</summary>
internal sealed record ImportTimings(double ValidateAndStageSeconds, double ReplaceSeconds, double TotalSeconds);

/// <summary>Either a summary, or the reasons nothing was written.</summary>
internal sealed record CountsImportOutcome(CountsImportSummary? Summary, CountsCsvResult Validation)
{
    public bool Succeeded => Summary is not null;
}
