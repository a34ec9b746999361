using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>
/// Authenticates the X-Api-Key header: the bootstrap admin key from configuration, or an issued key that is neither
/// revoked nor expired (looked up by its SHA-256 hash). No header is anonymous, the public view; a key that does not
/// authenticate fails, and <see cref="AccessPolicies.ValidKeyIfPresent"/> turns that into 401 on every endpoint. So does a
/// valid key of a role this service does not serve under its disclosure settings (<see cref="DisclosureOptions.RefusesKey"/>):
/// one issued before a setting changed, or by another service on the same database, would otherwise be shown exact
/// counts that the public view is not protected against.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<AccessOptions> access, IOptions<DisclosureOptions> disclosure, HotspotDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyHasher.Header, out var values) || values.ToString() is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }
        if (access.Value.AdminApiKey is { Length: > 0 } bootstrap && ApiKeyHasher.Matches(presented, bootstrap))
        {
            return Success(AccessRole.Admin, keyId: null);
        }
        var hash = ApiKeyHasher.Hash(presented);
        var now = clock.GetUtcNow();
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now))
            .Select(k => new { k.Id, k.Role })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null || !AccessRole.TryParse(key.Role, out var role))
        {
            Context.Features.Set(new FailedKey());
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }
        if (disclosure.Value.RefusesKey(role) is { } refusal)
        {
            Context.Features.Set(new RefusedRole(refusal));
            return AuthenticateResult.Fail(refusal);
        }
        return Success(role, key.Id);
    }

    private static AuthenticateResult Success(AccessRole role, Guid? keyId)
    {
        List<Claim> claims = [new(AccessRole.RoleClaim, role.ToString()), new(ClaimTypes.Role, role.Kind.ToString().ToLowerInvariant())];
        if (keyId is { } id)
        {
            claims.Add(new Claim(AccessRole.KeyIdClaim, id.ToString()));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required.",
            Context.Features.Get<RefusedRole>()?.Reason
            ?? $"Send a valid key in the {ApiKeyHasher.Header} header; without one, use the public endpoints without the header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed for this key.", $"The role {AccessRole.Of(Context.User)} may not use this endpoint.");
}

/// <summary>Marks a request that presented a key that did not authenticate, for the failed-key limiter.</summary>
internal sealed record FailedKey;

/// <summary>A valid key whose role this service does not serve, and why: the detail of its 401.</summary>
internal sealed record RefusedRole(string Reason);
