namespace Verzuim.Hotspot.Api.Layers;

/// <summary>The statistics of a layer request: none (and no provenance) while no counts are loaded.</summary>
internal sealed record LayerCounts(LayerStatisticsTable? Table, CountsProvenance? Provenance)
{
    private static readonly LayerCounts None = new(null, null);

    /// <summary>The statistics of the resolved school year and age band, or <see cref="None"/> when no counts exist at all.</summary>
    public static async Task<LayerCounts> ForAsync(CountsResolution counts, LayerStatistics statistics, LayerCollection collection,
        DisclosurePolicy policy, CancellationToken ct) =>
        counts.Scope is { } scope ? new LayerCounts(await statistics.GetAsync(collection, scope, policy, ct), scope.Provenance) : None;
}
