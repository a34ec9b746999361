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
    /// True when the joint mask hides this cell's students (and so its reports) from this caller. Unrestricted callers
    /// see everything; a key sees its own region's or institution's counts exactly.
    /// </summary>
    public bool HidesStudents(PublishedMask? mask, CellKey cell, string? rmcCode = null, string? brin = null) =>
        Mode == DisclosureMode.Public && mask is not null && mask.StudentsHidden(cell) && !KnowsRegion(rmcCode) && !KnowsInstitution(brin);

    /// <summary>As <see cref="HidesStudents"/>, for the cell's reports and the rate derived from them (hidden whenever its students are).</summary>
    public bool HidesReports(PublishedMask? mask, CellKey cell, string? rmcCode = null, string? brin = null) =>
        Mode == DisclosureMode.Public && mask is not null && mask.ReportsHidden(cell) && !KnowsRegion(rmcCode) && !KnowsInstitution(brin);

    /// <summary>A cell as this caller may see it under the joint mask.</summary>
    public PublishedCounts Publish(PublishedMask? mask, CellKey cell, long students, long reports, string? rmcCode = null, string? brin = null) =>
        PublishedCounts.Of(students, reports, HidesStudents(mask, cell, rmcCode, brin), HidesReports(mask, cell, rmcCode, brin));

    public string Rule => Mode == DisclosureMode.Public
        ? $"Counts from 1 to {MinimumCount - 1} are suppressed (null, \"suppressed\": true; absence reports alone: \"reportsSuppressed\": true), " +
          "with the shares and rates derived from them. Further cells are suppressed, jointly over every table published from the school " +
          $"year, so that no combination of them narrows a suppressed count to fewer than {MinimumCount} values."
        : "Unrestricted: no suppression.";
}
