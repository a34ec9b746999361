using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>
/// The query parameters every endpoint that publishes counts shares, bound as text so that each malformed value gets
/// the same 400 problem everywhere (see <see cref="CountsScope.ResolveAsync"/>).
/// </summary>
internal sealed class CountsQuery
{
    [FromQuery(Name = "schoolYear"), Description("School year, two consecutive years such as 2024-2025; default the latest with counts.")]
    public string? SchoolYear { get; init; }

    [FromQuery(Name = "ageBand"), Description("Age band: all, under18 or 18plus (also <18, 18-, 18+). The default is named per endpoint.")]
    public string? AgeBand { get; init; }

    [FromQuery(Name = "year"), Description("Classification year of the geography (municipalities, RMC regions, PC4); default the configured one.")]
    public string? Year { get; init; }

    /// <summary>The names above, for endpoints that must tell them from their own parameters.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { "schoolYear", "ageBand", "year" };
}
