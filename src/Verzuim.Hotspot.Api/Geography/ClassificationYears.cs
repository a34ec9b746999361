namespace Verzuim.Hotspot.Api.Geography;

/// <summary>Which classification year of the geography a request is about, and the one answer when it is not loaded.</summary>
internal static class ClassificationYears
{
    /// <summary>The requested classification year, or the configured one; null when that year is not loaded.</summary>
    public static async Task<int?> ResolveYearAsync(this HotspotDbContext db, int? requested, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        var year = requested ?? options.Value.ClassificationYear;
        return await db.IsClassificationYearLoadedAsync(year, ct) ? year : null;
    }

    public static Task<bool> IsClassificationYearLoadedAsync(this HotspotDbContext db, int year, CancellationToken ct) =>
        db.RmcRegions.AnyAsync(r => r.ClassificationYear == year, ct);

    public const string YearRule = "A classification year is a four-digit year such as 2025.";

    /// <summary>A requested classification year: empty is null (the configured one); otherwise a year from 1900 to 2100.</summary>
    public static bool TryParse(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2100)
        {
            return false;
        }
        year = y;
        return true;
    }

    public static ProblemHttpResult NotLoaded(int year) => ProblemDetailsExtensions.NotFound($"Classification year {year} is not loaded.");

    public static ProblemHttpResult NotLoaded(int? requested, IOptions<GeographyOptions> options) =>
        NotLoaded(requested ?? options.Value.ClassificationYear);
}
