using System.Security.Cryptography;
using System.Text;
using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// HTTP caching for read-only endpoints whose answers change only when the data does: a weak ETag from
/// data_state.version (bumped by every geography load and counts import) and the request URL, 304 on a matching
/// If-None-Match, and a short public Cache-Control that asks clients to revalidate.
/// </summary>
internal static class DataVersionCaching
{
    public const string CacheControl = "public, max-age=60, must-revalidate";

    /// <summary>Keyed answers: only the caller's own client may keep them, and must revalidate every time.</summary>
    public const string PrivateCacheControl = "private, no-cache";

    private static readonly object VersionKey = new();

    /// <summary>The data version the ETag of this request was made from, for caches keyed by it; null outside these endpoints.</summary>
    public static long? DataVersion(this HttpContext context) => context.Items.TryGetValue(VersionKey, out var v) ? v as long? : null;

    /// <summary>
    /// Reads the data version once per request (the output cache policy may have read it already), through the
    /// shared <see cref="DataVersionReader"/>.
    /// </summary>
    public static async ValueTask<long> ReadDataVersionAsync(this HttpContext http, CancellationToken ct)
    {
        if (http.DataVersion() is { } known)
        {
            return known;
        }
        var version = await http.RequestServices.GetRequiredService<DataVersionReader>().ReadAsync(ct);
        http.Items[VersionKey] = version;
        return version;
    }

    public static TBuilder WithDataVersionCaching<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var version = await http.ReadDataVersionAsync(http.RequestAborted);
            var view = AccessRole.Of(http.User).ToString();
            var etag = ETag(version, http.Request, view);
            var cacheControl = view == "public" ? CacheControl : PrivateCacheControl;
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() is var tag && (tag == "*" || tag == etag))))
            {
                http.Response.Headers.ETag = etag;
                http.Response.Headers.CacheControl = cacheControl;
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            // Set now, not when the response starts: the output cache keeps the headers present when the body begins,
            // and its hits must carry the validators too. Answers other than 200/204 lose them again.
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = cacheControl;
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status204NoContent))
                {
                    http.Response.Headers.Remove("ETag");
                    http.Response.Headers.Remove("Cache-Control");
                }
                return Task.CompletedTask;
            });
            return await next(context);
        });

    /// <summary>Weak: the compressed and identity encodings of one answer share it. Each view has its own tags.</summary>
    public static string ETag(long version, HttpRequest request, string view = "public")
    {
        var url = Encoding.UTF8.GetBytes(view + " " + request.Path.Value + request.QueryString.Value);
        return $"W/\"{version}-{Convert.ToHexStringLower(SHA256.HashData(url), 0, 8)}\"";
    }
}
