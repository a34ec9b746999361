using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Disclosure;

internal enum DisclosureMode
{
    /// <summary>Small counts are suppressed, with secondary suppression in tables.</summary>
    Public,

    /// <summary>Everything is shown; for authorised roles (API keys scoped to an RMC region, later).</summary>
    Unrestricted,
}

/// <summary>
/// The one switch deciding what a caller may see of the counts. Every response built from counts asks this
/// policy, so adding roles later changes this class only.
/// </summary>
internal sealed class DisclosurePolicy(IOptions<DisclosureOptions> options, IHttpContextAccessor? http = null)
{
    public int MinimumCount => options.Value.MinimumCount;

    /// <summary>Who the answer is for: the public, an admin, or a key scoped to one RMC region or institution.</summary>
    public AccessRole Role { get; init; } = AccessRole.Of(http?.HttpContext?.User);

    /// <summary>Admins see everything; every other role gets the protected tables (with its own lines exact).</summary>
    public DisclosureMode Mode => Role.Kind == AccessKind.Admin ? DisclosureMode.Unrestricted : DisclosureMode.Public;

    /// <summary>The name of the view an answer was built for, stated in its provenance and the X-Disclosure-View header.</summary>
    public string View => Role.ToString();

    /// <summary>True when this caller may see the counts of students living in this RMC region exactly.</summary>
    public bool KnowsRegion(string? rmcCode) => Role.Kind == AccessKind.Rmc && rmcCode == Role.Code;

    /// <summary>True when this caller may see the counts of this institution (and its campuses) exactly.</summary>
    public bool KnowsInstitution(string? brin) => Role.Kind == AccessKind.Institution && brin == Role.Code;

    public bool IsSmall(long count) => Mode == DisclosureMode.Public && count > 0 && count < MinimumCount;

    /// <summary>
    /// True when a unit's counts are hidden from this caller: one of them is small, and the unit is not of the caller's
    /// own region (students living there) or institution, which it sees exactly.
    /// </summary>
    public bool Hides(long students, long reports, string? rmcCode = null, string? brin = null) =>
        (IsSmall(students) || IsSmall(reports)) && !KnowsRegion(rmcCode) && !KnowsInstitution(brin);

    public string Rule => Mode == DisclosureMode.Public
        ? $"Counts from 1 to {MinimumCount - 1} are suppressed (null, \"suppressed\": true), with the shares and rates derived from them. " +
          "In tables a second cell is suppressed wherever a row or column total would otherwise reveal a suppressed cell."
        : "Unrestricted: no suppression.";
}
