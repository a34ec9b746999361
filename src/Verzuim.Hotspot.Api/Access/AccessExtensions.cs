using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Verzuim.Hotspot.Api.Access;

internal static class AccessExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(AccessPolicies.Configure);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ValidKeyIfPresentRequirement>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<AccessOptions>>((o, access) => AccessRateLimits.Configure(o, access.Value));
        services.AddSingleton<AuditLog>().AddHostedService<AuditWriter>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Authentication, then the rate limiter (which needs to know the caller), the audit log and authorization.</summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(AuditLog.RecordKeyedRequestsAsync);
        app.UseAuthorization();
        return app;
    }
}
