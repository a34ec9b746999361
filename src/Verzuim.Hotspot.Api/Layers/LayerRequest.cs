using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// What items and single-item requests share: the collection, the parsed parameters and the statistics they ask
/// for; or the problem that stops them (unknown collection, bad parameter, school year without counts).
/// </summary>
internal sealed record LayerRequest(LayerCollection Collection, ItemsRequest Items, LayerCounts Counts, int Year)
{
    public static async Task<(LayerRequest? Request, ValidationProblem? Invalid, ProblemHttpResult? Missing)> ResolveAsync(
        string collectionId, ItemsQuery query, HttpRequest http, bool single, HotspotDbContext db, LayerStatistics statistics,
        DisclosurePolicy policy, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        if (CollectionRegistry.Find(collectionId) is not { } collection)
        {
            return (null, null, OgcApi.UnknownCollection(collectionId));
        }
        if (!ItemsRequest.TryParse(collection, query, http.Query, single, out var items, out var invalid))
        {
            return (null, invalid, null);
        }
        var year = options.Value.ClassificationYear;
        var counts = await LayerCounts.ResolveAsync(db, statistics, policy, collection, items.SchoolYear, items.AgeBand, year, ct);
        return counts is null
            ? (null, null, ProblemDetailsExtensions.NotFound($"No counts are loaded for school year {items.SchoolYear}."))
            : (new LayerRequest(collection, items, counts, year), null, null);
    }
}
