using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// What items and single-item requests share: the collection, the parsed parameters and the statistics they ask
/// for; or the problem that stops them (unknown collection, bad parameter, school year without counts).
/// </summary>
internal sealed record LayerRequest(LayerCollection Collection, ItemsRequest Items, LayerCounts Counts, int Year)
{
    public static async Task<(LayerRequest? Request, ValidationProblem? Invalid, ProblemHttpResult? Missing)> ResolveAsync(
        string collectionId, ItemsQuery query, CountsQuery countsQuery, HttpRequest http, bool single, HotspotDbContext db,
        LayerStatistics statistics, DisclosurePolicy policy, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        if (CollectionRegistry.Find(collectionId) is not { } collection)
        {
            return (null, null, OgcApi.UnknownCollection(collectionId));
        }
        if (!ItemsRequest.TryParse(collection, query, http.Query, single, out var items, out var invalid))
        {
            return (null, invalid, null);
        }
        var scope = await CountsScope.ResolveAsync(countsQuery, AgeBandFilter.All, db, policy, options, ct, countsOptional: true);
        if (scope.Problem is { } problem)
        {
            return (null, null, problem);
        }
        var counts = await LayerCounts.ForAsync(scope, statistics, collection, policy, ct);
        return (new LayerRequest(collection, items, counts, scope.ClassificationYear), null, null);
    }
}
