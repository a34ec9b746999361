using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Disclosure;

internal sealed class DisclosureOptions
{
    public const string Section = "Disclosure";

    /// <summary>Counts from 1 to MinimumCount - 1 are never shown publicly (default 5: counts 1 to 4 are suppressed).</summary>
    [Range(1, 1000)]
    public int MinimumCount { get; set; } = 5;

    /// <summary>
    /// Seconds the secondary suppression of one school year may take before the small counts left fall back to the
    /// safe, costly protection (see SecondarySuppression). The target is 30 s; the national synthetic set takes longer.
    /// </summary>
    [Range(1, 3600)]
    public int ProtectionTimeLimitSeconds { get; set; } = 300;
}
