using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Students and absence reports as published: null when disclosure control hides them. <see cref="Suppressed"/>: the
/// students are hidden, and with them the reports. <see cref="ReportsSuppressed"/>: the reports are hidden (a small
/// count of reports, or to protect one), while the students may still be shown. <see cref="ReportsPer100"/> is the
/// rate derived from the two, shown only where both are. Hidden values are written as explicit nulls.
/// </summary>
internal sealed record PublishedCounts(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Students,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? AbsenceReports,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ReportsPer100,
    bool Suppressed)
{
    public bool ReportsSuppressed { get; init; }

    public static PublishedCounts Of(long students, long reports, bool suppressed, bool reportsSuppressed = false) => suppressed
        ? new PublishedCounts(null, null, null, true) { ReportsSuppressed = true }
        : reportsSuppressed
            ? new PublishedCounts(students, null, null, false) { ReportsSuppressed = true }
            : new PublishedCounts(students, reports, Rate(reports, students), false);

    public static double? Rate(long reports, long students) => students > 0 ? Math.Round(100.0 * reports / students, 2) : null;

    /// <summary>A share of a published whole; null when either side is hidden or the whole is zero.</summary>
    public static double? Share(long? part, long? whole) => part is { } p && whole is > 0 ? Math.Round((double)p / whole.Value, 4) : null;
}
