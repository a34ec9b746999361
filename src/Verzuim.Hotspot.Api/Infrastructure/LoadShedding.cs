using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Overload is shed, not queued into timeouts: computed answers share one ASP.NET Core concurrency limiter, and a
/// request that finds it and its small queue full gets 503 problem+json with Retry-After at once.
/// </summary>
internal static class LoadShedding
{
    public const string Policy = "computed-answers";

    public static IServiceCollection AddHotspotLoadShedding(this IServiceCollection services)
    {
        services.AddOptions<LoadSheddingOptions>().BindConfiguration(LoadSheddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LoadSheddingOptions>>((o, shedding) =>
        {
            var limits = shedding.Value;
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            // One partition for all of them: they compete for the same cores and connections.
            o.AddPolicy(Policy, _ => RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.PermitLimit,
                QueueLimit = limits.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Title = "Too busy.",
                        Detail = "The service is computing as many answers as it can. Try again after the number of seconds in Retry-After.",
                        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                    },
                });
            };
        });
        return services;
    }
}
