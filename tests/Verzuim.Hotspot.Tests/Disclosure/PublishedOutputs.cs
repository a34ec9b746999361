using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Api.Disclosure;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Tests.Disclosure;

/// <summary>
/// Everything the public API publishes from the counts of one school year, read over HTTP as an intruder would and
/// laid onto the linked tables (<see cref="DisclosureTables"/>): the flows by institution and by campus in every age
/// band with their row, column and grand totals, and the map layers of regions, municipalities, PC4s, campuses and
/// flow lines.
/// A number shown by any output is known; a number is hidden only when every output that carries it hides it.
/// </summary>
internal sealed class PublishedOutputs
{
    private static readonly string[] Bands = ["under18", "18plus", "all"];
    private const int Page = 10000;

    private readonly Dictionary<CellKey, (long? Students, long? Reports)> _known = [];

    public int Numbers { get; private set; }

    /// <summary>Everything <paramref name="client"/> is shown: the public view, or a key's when it sends one.</summary>
    public static async Task<PublishedOutputs> FetchAsync(HttpClient client, string schoolYear, CancellationToken ct)
    {
        var outputs = new PublishedOutputs();
        foreach (var band in Bands)
        {
            foreach (var (by, table, totals) in new[] { ("institution", T.InstitutionFlows, T.Institution), ("campus", T.CampusFlows, T.Campus) })
            {
                using var flows = await GetAsync(client, $"/flows?by={by}&schoolYear={schoolYear}&ageBand={band}", ct);
                var root = flows.RootElement;
                outputs.See(new CellKey(T.National, band, "", ""), root.GetProperty("total"));
                foreach (var row in root.GetProperty("rows").EnumerateArray())
                {
                    outputs.See(new CellKey(T.Region, band, row.GetProperty("id").GetString()!, ""), row.GetProperty("total"));
                }
                foreach (var column in root.GetProperty("columns").EnumerateArray())
                {
                    outputs.See(new CellKey(totals, band, "", column.GetProperty("id").GetString()!), column.GetProperty("total"));
                }
                foreach (var cell in root.GetProperty("cells").EnumerateArray())
                {
                    outputs.See(new CellKey(table, band, cell.GetProperty("row").GetString()!, cell.GetProperty("column").GetString()!),
                        cell.GetProperty("counts"));
                }
            }
            foreach (var (collection, table) in new[]
                { ("rmc-regions", T.Region), ("municipalities", T.Municipality), ("postcode-areas", T.Pc4), ("campuses", T.Campus), ("flow-lines", T.CampusFlows) })
            {
                // Page by page, as a client reads a large collection.
                for (var offset = 0; ; offset += Page)
                {
                    using var layer = await GetAsync(client, $"/collections/{collection}/items?schoolYear={schoolYear}&ageBand={band}" +
                        $"&limit={Page}&offset={offset}&simplify=100000&precision=0&properties=students,absenceReports", ct);
                    var features = layer.RootElement.GetProperty("features");
                    foreach (var feature in features.EnumerateArray())
                    {
                        var id = feature.GetProperty("id").GetString()!;
                        var dash = id.IndexOf('-', StringComparison.Ordinal);
                        var key = table switch
                        {
                            T.Campus => new CellKey(table, band, "", id),
                            T.CampusFlows => new CellKey(table, band, id[..dash], id[(dash + 1)..]),
                            _ => new CellKey(table, band, id, ""),
                        };
                        outputs.See(key, feature.GetProperty("properties"));
                    }
                    if (features.GetArrayLength() < Page)
                    {
                        break;
                    }
                }
            }
        }
        return outputs;
    }

    /// <summary>
    /// The mask an intruder faces: every count of the linked tables that no output shows is hidden. Fails when an output
    /// shows a number other than the true one, or shows a small count other than one of <paramref name="own"/> (the
    /// cells a key's holder is entitled to see exact).
    /// </summary>
    public DisclosureMask MaskOver(LinkedTables tables, int minimumCount, IReadOnlySet<int>? own = null)
    {
        var mask = new DisclosureMask(tables, minimumCount);
        for (var c = 0; c < tables.Count; c++)
        {
            var known = _known.GetValueOrDefault(tables.Keys[c]);
            foreach (var (measure, shown) in new[] { (Measure.Students, known.Students), (Measure.Reports, known.Reports) })
            {
                if (shown is { } value)
                {
                    Assert.True(value == tables.Value(c, measure), $"{tables.Keys[c]} {measure}: published {value}, true {tables.Value(c, measure)}");
                    Assert.False(mask.IsPrimary(c, measure) && own?.Contains(c) != true, $"{tables.Keys[c]} {measure}: the small count {value} is published");
                    mask.SetHidden(c, measure, false); // a key's own small count, hidden by the mask's primary rule, is shown
                }
                else
                {
                    mask.HideOnly(c, measure);
                }
            }
        }
        return mask;
    }

    private void See(CellKey key, JsonElement counts)
    {
        var students = Number(counts, "students");
        var reports = Number(counts, "absenceReports");
        var before = _known.GetValueOrDefault(key);
        Assert.True(before.Students is null || students is null || before.Students == students, $"{key}: two outputs publish different students");
        Assert.True(before.Reports is null || reports is null || before.Reports == reports, $"{key}: two outputs publish different reports");
        _known[key] = (before.Students ?? students, before.Reports ?? reports);
        Numbers += 2;
    }

    private static long? Number(JsonElement counts, string name) =>
        counts.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static async Task<JsonDocument> GetAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
    }
}
