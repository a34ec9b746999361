namespace Verzuim.Hotspot.Api.Counts;

/// <summary>The one rule for a school year, shared by the CSV reader and every query parameter: two consecutive years, 2024-2025.</summary>
internal static class SchoolYears
{
    public const string Rule = "two consecutive years such as 2024-2025";

    public static bool IsValid(ReadOnlySpan<char> value) =>
        value.Length == 9 && value[4] == '-'
        && int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
        && int.TryParse(value[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
        && second == first + 1 && first is >= 1990 and <= 2100;
}
