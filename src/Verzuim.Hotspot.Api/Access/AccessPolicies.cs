using Microsoft.AspNetCore.Authorization;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>The authorization policies; handlers never check keys themselves.</summary>
internal static class AccessPolicies
{
    /// <summary>Admin keys only: key management, the audit log, imports.</summary>
    public const string Admin = "admin";

    /// <summary>Any valid key (the caller's own role and scope).</summary>
    public const string AnyKey = "any-key";

    /// <summary>
    /// The fallback for every other endpoint: anonymous is fine, but a key that is sent must be valid, so a revoked or
    /// expired key gets 401 instead of quietly falling back to the public view.
    /// </summary>
    public static AuthorizationPolicy ValidKeyIfPresent { get; } = new AuthorizationPolicyBuilder()
        .AddRequirements(new ValidKeyIfPresentRequirement()).Build();

    public static void Configure(AuthorizationOptions o)
    {
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(AccessRole.RoleClaim, "admin"));
        o.AddPolicy(AnyKey, p => p.RequireAuthenticatedUser());
        o.FallbackPolicy = ValidKeyIfPresent;
    }
}

internal sealed class ValidKeyIfPresentRequirement : AuthorizationHandler<ValidKeyIfPresentRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ValidKeyIfPresentRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var sentKey = http?.Request.Headers.ContainsKey(ApiKeyHasher.Header) ?? false;
        if (!sentKey || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
