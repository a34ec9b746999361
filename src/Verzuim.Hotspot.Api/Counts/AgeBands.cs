namespace Verzuim.Hotspot.Api.Counts;

/// <summary>An age band asked for: one of the two stored bands, or both together.</summary>
internal enum AgeBandFilter
{
    All,
    Under18,
    EighteenPlus,
}

/// <summary>
/// The two age bands as stored in student_counts.age_band, and the one way to read them: the CSV reader and every
/// query parameter accept the same names and aliases.
/// </summary>
internal static class AgeBands
{
    public const string Under18 = "under18";
    public const string EighteenPlus = "18plus";
    public const string All = "all";

    /// <summary>Canonical stored band for a value (case-insensitive; aliases &lt;18, 18-, 18+), or null.</summary>
    public static string? Parse(ReadOnlySpan<char> value) => value.Trim() switch
    {
        var v when v.Equals(Under18, StringComparison.OrdinalIgnoreCase) || v is "<18" || v is "18-" => Under18,
        var v when v.Equals(EighteenPlus, StringComparison.OrdinalIgnoreCase) || v is "18+" => EighteenPlus,
        _ => null,
    };

    /// <summary>A requested band: a stored band or "all"; an empty value takes the fallback.</summary>
    public static bool TryParseFilter(string? value, AgeBandFilter fallback, out AgeBandFilter band)
    {
        band = fallback;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (value.Trim().Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            band = AgeBandFilter.All;
            return true;
        }
        switch (Parse(value))
        {
            case Under18:
                band = AgeBandFilter.Under18;
                return true;
            case EighteenPlus:
                band = AgeBandFilter.EighteenPlus;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The value stored in student_counts.age_band, or null for all bands.</summary>
    public static string? StoredValue(this AgeBandFilter band) => band switch
    {
        AgeBandFilter.Under18 => Under18,
        AgeBandFilter.EighteenPlus => EighteenPlus,
        _ => null,
    };

    public static string Name(this AgeBandFilter band) => band.StoredValue() ?? All;
}
