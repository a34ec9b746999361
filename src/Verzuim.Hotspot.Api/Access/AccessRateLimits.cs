using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>
/// ASP.NET Core's rate limiter: a token bucket per anonymous client (IP address), a larger one per key, and a small
/// fixed window for requests that sent a wrong key, so guessing keys is slowed. Refusals are 429 problem+json with
/// Retry-After.
/// </summary>
internal static class AccessRateLimits
{
    public static void Configure(RateLimiterOptions o, AccessOptions access)
    {
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
            if (http.Features.Get<FailedKey>() is not null)
            {
                return RateLimitPartition.GetFixedWindowLimiter("failed:" + client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = access.FailedKeysPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            }
            var (partition, perSecond) = http.User.Identity?.IsAuthenticated == true
                ? ("key:" + AccessRole.Of(http.User) + ":" + http.User.FindFirst(AccessRole.KeyIdClaim)?.Value, access.KeyedPerSecond)
                : ("anonymous:" + client, access.AnonymousPerSecond);
            return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 10,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = async (context, ct) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var http = context.HttpContext;
            var wrongKey = http.Features.Get<FailedKey>() is not null;
            await http.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests.",
                wrongKey
                    ? "Too many requests with a wrong API key from this client; wait before trying again."
                    : "The request rate of this client is over its limit; retry after the number of seconds in Retry-After.",
                Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        };
    }
}
