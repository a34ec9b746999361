using System.Text.Json;
using Verzuim.Hotspot.Api.Flows;
using Verzuim.Hotspot.Api.Hotspots;

namespace Verzuim.Hotspot.Api.Packs;

/// <summary>
/// The analyses a pack shows beside its agenda table, from the endpoints' own handlers: funnel-plot cells, trends
/// (absent when there is no earlier school year), Gi* hotspots per municipality, and the map geometry.
/// </summary>
internal sealed class PackFacts
{
    private readonly PackServices _services;

    private PackFacts(PackServices services) => _services = services;

    public IReadOnlyList<OutlierUnit> Cells { get; private set; } = [];
    public TrendsResponse? Trends { get; private set; }
    public IReadOnlyList<HotspotProperties> Hotspots { get; private set; } = [];
    public IReadOnlyDictionary<string, string> MunicipalityRegion { get; private set; } = new Dictionary<string, string>();
    public PackGeometry Geometry { get; private set; } = null!;

    public static async Task<PackFacts> LoadAsync(PackServices s, CountsQuery query, string trendLevel, CancellationToken ct)
    {
        var facts = new PackFacts(s);
        var year = s.Options.Value.ClassificationYear;
        if ((await OutliersApi.GetOutliers(s.Db, s.DataSource, s.Policy, s.Protection, s.Options, query, "cell", null, ct)).Result
            is Ok<OutliersResponse> { Value: { } outliers })
        {
            facts.Cells = outliers.Items;
        }
        // No earlier school year gives a 404 here, and the pack simply has no trend section.
        if ((await TrendsApi.GetTrends(s.Db, s.DataSource, s.Policy, s.Protection, s.Options, query, trendLevel, null, null, ct)).Result
            is Ok<TrendsResponse> { Value: { } trends })
        {
            facts.Trends = trends;
        }
        var hotspots = await HotspotsApi.GetHotspots(new HotspotsRequest { Level = "municipality" }, query, s.Db, s.DataSource, s.Contiguity,
            s.Geometries, s.Cache, s.Layers, s.Policy, s.Options, s.Json, ct);
        if (hotspots.Result is FileContentHttpResult { FileContents: var bytes })
        {
            // The hotspots answer is cached as GeoJSON bytes; only the properties matter here.
            using var document = JsonDocument.Parse(bytes);
            facts.Hotspots = [.. document.RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").Deserialize<HotspotProperties>(s.Json.Value.SerializerOptions)!)];
        }
        facts.MunicipalityRegion = await s.Db.Municipalities.AsNoTracking().Where(m => m.ClassificationYear == year)
            .ToDictionaryAsync(m => m.Code, m => m.RmcCode, StringComparer.Ordinal, ct);
        facts.Geometry = await PackGeometry.LoadAsync(s.DataSource, year, ct);
        return facts;
    }

    /// <summary>Hot spots (Gi* at 90% or more) among the municipalities of the given regions, strongest first.</summary>
    public List<HotspotProperties> HotspotsIn(ISet<string> regions) =>
        [.. Hotspots.Where(h => h.Class.StartsWith("Hot", StringComparison.Ordinal) && MunicipalityRegion.TryGetValue(h.Code, out var r) && regions.Contains(r))
            .OrderByDescending(h => h.Z ?? 0)];

    /// <summary>The published share of one institution's students per region of residence (hidden cells left out).</summary>
    public async Task<Dictionary<string, double>> ColumnSharesAsync(string brin, CountsQuery query, CancellationToken ct)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var resolved = await CountsScope.ResolveAsync(query, AgeBandFilter.EighteenPlus, _services.Db, _services.Policy, _services.Options, ct);
        if (!resolved.Succeeded)
        {
            return shares;
        }
        var matrix = await _services.Source.GetAsync(resolved.Scope!, FlowDimension.Institution, _services.Policy, ct);
        if (matrix.ColumnOf(brin) is not { } j)
        {
            return shares;
        }
        var total = matrix.ColumnTotal(j).Students;
        for (var i = 0; i < matrix.Rows.Count; i++)
        {
            if (!matrix.Rows[i].Unplaced && PublishedCounts.Share(matrix.Cell(i, j).Students, total) is { } share)
            {
                shares[matrix.Rows[i].Id] = share;
            }
        }
        return shares;
    }
}
