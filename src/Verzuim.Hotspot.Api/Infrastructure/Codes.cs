using System.Text.RegularExpressions;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>The code formats of the domain, normalised to their canonical (upper-case) form.</summary>
internal static partial class Codes
{
    [GeneratedRegex(@"^MC\d{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RmcPattern();

    [GeneratedRegex(@"^GM\d{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex(@"^[0-9]{2}[A-Z0-9]{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrinPattern();

    [GeneratedRegex(@"^[0-9]{2}[A-Z0-9]{2}[0-9]{2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BrinVestPattern();

    /// <summary>PC4 ("1234") or PC6 ("1234AB", "1234 ab"); Dutch postcodes never start with 0.</summary>
    [GeneratedRegex(@"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();

    public static bool TryRmc(string value, out string code) => TryMatch(RmcPattern(), value, out code);
    public static bool TryMunicipality(string value, out string code) => TryMatch(MunicipalityPattern(), value, out code);
    public static bool TryBrin(string value, out string code) => TryMatch(BrinPattern(), value, out code);
    public static bool TryBrinVest(string value, out string code) => TryMatch(BrinVestPattern(), value, out code);

    /// <summary>Parses a PC4 or PC6 postcode into its canonical form and its PC4.</summary>
    public static bool TryPostcode(string value, out string postcode, out string pc4)
    {
        var match = PostcodePattern().Match(value);
        pc4 = match.Success ? match.Groups[1].Value : "";
        postcode = match.Success ? pc4 + match.Groups[2].Value.ToUpperInvariant() : "";
        return match.Success;
    }

    private static bool TryMatch(Regex pattern, string value, out string code)
    {
        var trimmed = value.Trim();
        code = pattern.IsMatch(trimmed) ? trimmed.ToUpperInvariant() : "";
        return code.Length > 0;
    }
}
