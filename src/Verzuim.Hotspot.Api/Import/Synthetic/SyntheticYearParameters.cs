namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <param name="SchoolYear">"2023-2024".</param>
/// <param name="Students">National number of students to place (exact: the PC4 allocation is multinomial with this total).</param>
/// <param name="RateMultiplier">National change of the absence rate in this year (1.0 for the reference year, 0.94 for -6 %).</param>
internal sealed record SyntheticYearParameters(string SchoolYear, long Students, double RateMultiplier = 1.0)
{
    public static bool IsSchoolYear(string text) =>
        text.Length == 9 && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
        && int.TryParse(text.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var second)
        && second == first + 1;
}
