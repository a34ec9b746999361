using Microsoft.AspNetCore.OutputCaching;
using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Server-side cache of whole answers (layer items), keyed by URL and the data version: an import changes the
/// version, so the next request misses and rebuilds; nothing has to be evicted by hand. Only 200 answers are kept.
/// </summary>
internal sealed class DataVersionOutputCachePolicy : IOutputCachePolicy
{
    public const string Name = "data-version";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        // Keyed answers are never kept here: one role's answer must never reach another.
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Request.Headers.ContainsKey(ApiKeyHasher.Header);
        context.EnableOutputCaching = cacheable;
        if (!cacheable)
        {
            return;
        }
        var version = await http.ReadDataVersionAsync(cancellation);
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["data-version"] = version.ToString(CultureInfo.InvariantCulture);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.AllowCacheStorage = context.HttpContext.Response.StatusCode == StatusCodes.Status200OK;
        return ValueTask.CompletedTask;
    }
}
