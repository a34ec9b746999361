using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// The bound on computations: one partition for all computed answers, because they compete for the same cores and
/// connections. Its own OnRejected, so a full bound is 503 (the server is busy), not the per-client 429 of the
/// global limiter.
/// </summary>
internal sealed class ComputedAnswersPolicy(IOptions<LoadSheddingOptions> options) : IRateLimiterPolicy<string>
{
    private readonly LoadSheddingOptions _limits = options.Value;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
        await context.HttpContext.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Too busy.",
            "The service is computing as many answers as it can. Try again after the number of seconds in Retry-After.",
            _limits.RetryAfterSeconds);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(LoadShedding.Policy, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = _limits.PermitLimit,
            QueueLimit = _limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
}
