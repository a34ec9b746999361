using System.Diagnostics.CodeAnalysis;
namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// What items and single-item requests share: the collection, the parsed parameters and the statistics they ask
/// for; or the problem that stops them (unknown collection, bad parameter, school year without counts).
/// </summary>
internal sealed record LayerRequest(LayerCollection Collection, ItemsRequest Items, LayerCounts Counts, int Year)
{
    public static async Task<LayerResolution> ResolveAsync(
        string collectionId, ItemsQuery query, CountsQuery countsQuery, HttpRequest http, bool single, HotspotDbContext db,
        LayerStatistics statistics, DisclosurePolicy policy, IOptions<GeographyOptions> options, CancellationToken ct)
    {
        if (CollectionRegistry.Find(collectionId) is not { } collection)
        {
            return new(null, OgcApi.UnknownCollection(collectionId));
        }
        if (!ItemsRequest.TryParse(collection, query, http.Query, single, out var items, out var invalid))
        {
            return new(null, invalid);
        }
        var scope = await CountsScope.ResolveAsync(countsQuery, AgeBandFilter.All, db, policy, options, ct, countsOptional: true);
        if (scope.Problem is { } problem)
        {
            return new(null, problem);
        }
        var counts = await LayerCounts.ForAsync(scope, statistics, collection, policy, ct);
        return new(new LayerRequest(collection, items, counts, scope.ClassificationYear), null);
    }
}

/// <summary>A resolved layer request, or the problem (400 or 404) that the items endpoints answer with.</summary>
internal sealed record LayerResolution(LayerRequest? Request, Results<FeaturesResult, ValidationProblem, ProblemHttpResult>? Problem)
{
    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Request))]
    public bool Failed => Request is null;
}
