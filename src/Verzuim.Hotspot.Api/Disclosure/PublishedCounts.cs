using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Students and absence reports as published: null, with <see cref="Suppressed"/> set, when disclosure control hides them.
/// <see cref="ReportsPer100"/> is the rate derived from the two. Hidden values are written as explicit nulls.
/// </summary>
internal sealed record PublishedCounts(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Students,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? AbsenceReports,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ReportsPer100,
    bool Suppressed)
{
    public static PublishedCounts Of(long students, long reports, bool suppressed) => suppressed
        ? new PublishedCounts(null, null, null, true)
        : new PublishedCounts(students, reports, Rate(reports, students), false);

    public static double? Rate(long reports, long students) => students > 0 ? Math.Round(100.0 * reports / students, 2) : null;

    /// <summary>A share of a published whole; null when either side is hidden or the whole is zero.</summary>
    public static double? Share(long? part, long? whole) => part is { } p && whole is > 0 ? Math.Round((double)p / whole.Value, 4) : null;
}
