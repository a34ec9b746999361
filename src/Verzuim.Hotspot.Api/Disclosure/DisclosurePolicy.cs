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
internal sealed class DisclosurePolicy(IOptions<DisclosureOptions> options)
{
    public int MinimumCount => options.Value.MinimumCount;

    // Every caller is public until scoped API keys exist; they will set this per request.
    public DisclosureMode Mode { get; init; } = DisclosureMode.Public;

    public bool IsSmall(long count) => Mode == DisclosureMode.Public && count > 0 && count < MinimumCount;

    public string Rule => Mode == DisclosureMode.Public
        ? $"Counts from 1 to {MinimumCount - 1} are suppressed (null, \"suppressed\": true), with the shares and rates derived from them. " +
          "In tables a second cell is suppressed wherever a row or column total would otherwise reveal a suppressed cell."
        : "Unrestricted: no suppression.";
}
