namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Read-only answers that change only with the data: ETag from the data version, and the output cache in front,
/// which keeps the compressed bytes per URL, Accept-Encoding and data version. A kept answer costs one read of the
/// data version; an import moves every replica to new answers at once, because the version lives in the database.
/// </summary>
internal static class AnswerCaching
{
    /// <summary>A lookup or list: cheap to build, but not as cheap as sending bytes that are ready.</summary>
    public static TBuilder AsKeptAnswer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithDataVersionCaching().CacheOutput(DataVersionOutputCachePolicy.Name);

    /// <summary>An analysis: kept like a lookup, and its computation bounded by the shared limiter (503 when full).</summary>
    public static TBuilder AsComputedAnswer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AsKeptAnswer().RequireRateLimiting(LoadShedding.Policy);
}
