using Microsoft.AspNetCore.RateLimiting;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Overload is shed, not queued into timeouts: computed answers share one ASP.NET Core concurrency limiter (the rate
/// limiter middleware of <c>UseAccess</c>), and a request that finds it and its small queue full gets 503
/// problem+json with Retry-After at once.
/// </summary>
internal static class LoadShedding
{
    public const string Policy = "computed-answers";

    public static IServiceCollection AddHotspotLoadShedding(this IServiceCollection services)
    {
        services.AddOptions<LoadSheddingOptions>().BindConfiguration(LoadSheddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure(o => o.AddPolicy<string, ComputedAnswersPolicy>(Policy));
        return services;
    }
}
