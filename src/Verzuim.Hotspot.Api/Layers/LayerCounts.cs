using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>The statistics of a layer request: none (and no provenance) while no counts are loaded.</summary>
internal sealed record LayerCounts(LayerStatisticsTable? Table, CountsProvenance? Provenance)
{
    private static readonly LayerCounts None = new(null, null);

    /// <summary>Null when a school year was asked for that has no counts (404); <see cref="None"/> when no counts exist at all.</summary>
    public static async Task<LayerCounts?> ResolveAsync(HotspotDbContext db, LayerStatistics statistics, DisclosurePolicy policy,
        LayerCollection collection, string? schoolYear, AgeBandFilter band, int year, CancellationToken ct)
    {
        if (await db.ResolveSchoolYearAsync(schoolYear, ct) is not { } dataset)
        {
            return schoolYear is null ? None : null;
        }
        var provenance = await db.ProvenanceAsync(dataset, band, policy, ct);
        var table = await statistics.GetAsync(collection, provenance.DataVersion, dataset.SchoolYear, band.StoredValue(), year, policy)
            .WaitAsync(ct);
        return new LayerCounts(table, provenance);
    }
}
