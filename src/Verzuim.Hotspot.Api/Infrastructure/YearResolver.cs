using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Geography;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class YearResolver
{
    /// <summary>The requested classification year, or the configured one; null when that year is not loaded.</summary>
    public static async Task<int?> ResolveYearAsync(this HotspotDbContext db, int? requested, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        var year = requested ?? options.Value.ClassificationYear;
        return await db.RmcRegions.AnyAsync(r => r.ClassificationYear == year, ct) ? year : null;
    }
}
