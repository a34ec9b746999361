using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Data;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>Which counts a response is built from, and under which rule: sent with every response built from counts.</summary>
internal sealed record CountsProvenance(
    string SchoolYear,
    string AgeBand,
    string Dataset,
    bool Synthetic,
    long DataVersion,
    string Disclosure,
    string? Notice);

internal enum AgeBandFilter
{
    All,
    Under18,
    EighteenPlus,
}

/// <summary>
/// The shared front of every endpoint that publishes counts: resolves school year and age band, and states the
/// dataset (synthetic or not), the data version and the disclosure rule.
/// </summary>
internal static partial class CountsContext
{
    [GeneratedRegex(@"^\d{4}-\d{4}$")]
    private static partial Regex SchoolYearPattern();

    public static bool TryParseAgeBand(string? value, AgeBandFilter fallback, out AgeBandFilter band)
    {
        band = value?.Trim().ToLowerInvariant() switch
        {
            null or "" => fallback,
            "all" => AgeBandFilter.All,
            AgeBands.Under18 or "<18" or "18-" => AgeBandFilter.Under18,
            AgeBands.EighteenPlus or "18+" => AgeBandFilter.EighteenPlus,
            _ => (AgeBandFilter)(-1),
        };
        return Enum.IsDefined(band);
    }

    /// <summary>The value stored in student_counts.age_band, or null for all bands.</summary>
    public static string? StoredValue(this AgeBandFilter band) => band switch
    {
        AgeBandFilter.Under18 => AgeBands.Under18,
        AgeBandFilter.EighteenPlus => AgeBands.EighteenPlus,
        _ => null,
    };

    public static string Name(this AgeBandFilter band) => band.StoredValue() ?? "all";

    public static bool IsWellFormedSchoolYear(string value) => SchoolYearPattern().IsMatch(value);

    /// <summary>The requested school year if counts exist for it, else null; without a request, the latest with counts.</summary>
    public static async Task<SchoolYearDataset?> ResolveSchoolYearAsync(this HotspotDbContext db, string? requested, CancellationToken ct)
    {
        var datasets = db.SchoolYearDatasets.AsNoTracking();
        return requested is null
            ? await datasets.OrderByDescending(d => d.SchoolYear).FirstOrDefaultAsync(ct)
            : await datasets.SingleOrDefaultAsync(d => d.SchoolYear == requested, ct);
    }

    public static async Task<CountsProvenance> ProvenanceAsync(this HotspotDbContext db, SchoolYearDataset year, AgeBandFilter band,
        DisclosurePolicy policy, CancellationToken ct)
    {
        var version = await db.DataState.AsNoTracking().Select(s => s.Version).SingleOrDefaultAsync(ct);
        return new CountsProvenance(year.SchoolYear, band.Name(), year.Dataset, year.Synthetic, version, policy.Rule,
            year.Synthetic ? "SYNTHETIC DATA: generated for development and demonstration; these are not real students." : null);
    }
}
