using System.ComponentModel.DataAnnotations;
using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Disclosure;

internal sealed class DisclosureOptions
{
    public const string Section = "Disclosure";

    /// <summary>Counts from 1 to MinimumCount - 1 are never shown publicly (default 5: counts 1 to 4 are suppressed).</summary>
    [Range(1, 1000)]
    public int MinimumCount { get; set; } = 5;

    /// <summary>
    /// Seconds the secondary suppression of one school year may take before the small counts left fall back to the
    /// safe, costly protection (see SecondarySuppression). The target is 30 s; protected against the public and every
    /// RMC key holder, the national synthetic set takes about half an hour per school year on 2 cores (docs/disclosure.md).
    /// </summary>
    [Range(1, 14_400)]
    public int ProtectionTimeLimitSeconds { get; set; } = 3600;

    /// <summary>
    /// Protect the public view against what each RMC key holder knows too (see docs/disclosure.md, Against key
    /// holders). That hides much more of the flows. Off is only for a service that issues no <c>rmc:</c> keys: it then
    /// refuses to issue one, since the public view would not hold against its holder.
    /// </summary>
    public bool ProtectAgainstKeyHolders { get; set; } = true;

    /// <summary>
    /// Protect the public view against what each institution key holder knows too: its institution's columns of the
    /// flows and its campuses' totals, exact (docs/disclosure.md, Institution keys). Off by default, and then no
    /// <c>institution:</c> key is issued: the protection against the public and the RMC key holders does not hold against
    /// such a holder. On, every school year is protected against each institution's holder as well, which takes
    /// longer and hides more.
    /// </summary>
    public bool ProtectAgainstInstitutionKeys { get; set; }

    /// <summary>Why a key of this role is not issued under these options, or null when it may be: the one rule for
    /// <c>POST /admin/keys</c> and the console's <c>keys create</c>.</summary>
    public string? RefusesKey(AccessRole role) => role.Kind switch
    {
        AccessKind.Rmc when !ProtectAgainstKeyHolders =>
            "rmc: keys are not issued while Disclosure:ProtectAgainstKeyHolders is off: the public view would not hold against their holders.",
        AccessKind.Institution when !ProtectAgainstInstitutionKeys =>
            "institution: keys are not issued while Disclosure:ProtectAgainstInstitutionKeys is off: the public view would not hold against " +
            "their holders, who would combine their institution's exact columns with it.",
        _ => null,
    };

    /// <summary>
    /// Seconds a request waits for a school year's protection that is being computed before it is answered with 503.
    /// A small import is protected well within it; a national one takes minutes and is computed when it is imported.
    /// </summary>
    [Range(0, 60)]
    public int ReadyWaitSeconds { get; set; } = 5;

    /// <summary>The Retry-After of a 503 answered while a school year's protection is being computed.</summary>
    [Range(1, 600)]
    public int RetryAfterSeconds { get; set; } = 15;

    /// <summary>
    /// Compute (or load) every school year's protection when the service starts. Off in the tests, which protect the
    /// school years they read themselves, so that other test classes' years do not take the cores.
    /// </summary>
    public bool WarmOnStart { get; set; } = true;
}
