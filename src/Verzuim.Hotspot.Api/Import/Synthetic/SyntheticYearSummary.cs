namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>Totals of one generated school year.</summary>
internal sealed record SyntheticYearSummary(
    string SchoolYear, long Rows, long Students, long StudentsUnder18, long Students18Plus, long AbsenceReports);
