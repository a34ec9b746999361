using System.ComponentModel;

namespace Verzuim.Hotspot.Api.Access;

internal sealed record CreateKeyRequest(
    [property: Description("admin, rmc:MCxx (one RMC region) or institution:BRIN (one institution with its campuses).")] string Role,
    [property: Description("Who holds the key, e.g. the coordinator's name and region.")] string Label,
    [property: Description("When the key stops working; default never.")] DateTimeOffset? ExpiresAt);

internal sealed record CreatedKey(Guid Id, string Key, string Role, string Label, DateTimeOffset? ExpiresAt);

internal sealed record MeResponse(string Role, string Kind, string? Scope, bool Authenticated, string Disclosure, string Sees);

internal sealed record AuditRecord(long Id, Guid? KeyId, string Role, string Method, string Path, int Status, DateTimeOffset At);

internal static class AccessApi
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Access").RequireAuthorization(AccessPolicies.Admin);
        admin.MapPost("/keys", CreateKey).WithName("CreateApiKey")
            .WithSummary("Issue an API key for a role; the key is in this answer only, never again.");
        admin.MapGet("/keys", (HotspotDbContext db, TimeProvider clock, CancellationToken ct) => db.ListKeysAsync(clock, ct))
            .WithName("ListApiKeys").WithSummary("All issued keys, without hashes or keys.");
        admin.MapDelete("/keys/{id:guid}", RevokeKey).WithName("RevokeApiKey").WithSummary("Revoke a key; it gets 401 from then on.");
        admin.MapGet("/audit", GetAudit).WithName("GetAuditLog").WithSummary("Keyed requests since a time (key id, role, method, path, status).");
        app.MapGet("/me", GetMe).WithTags("Access").WithName("GetMe")
            .WithSummary("The caller's role and scope, and which disclosure view its answers get.");
        return app;
    }

    private static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateKey(CreateKeyRequest request, HotspotDbContext db,
        TimeProvider clock, IOptions<GeographyOptions> geography, IOptions<DisclosureOptions> disclosure, CancellationToken ct)
    {
        if (!AccessRole.TryParse(request.Role, out var role))
        {
            return ProblemDetailsExtensions.InvalidParameter("role", "A role is admin, rmc:MCxx (e.g. rmc:MC21) or institution:BRIN (e.g. institution:25LX).");
        }
        if (disclosure.Value.RefusesKey(role) is { } refusal)
        {
            return ProblemDetailsExtensions.InvalidParameter("role", refusal);
        }
        var year = geography.Value.ClassificationYear;
        var known = role.Kind switch
        {
            AccessKind.Rmc => await db.RmcRegions.AnyAsync(r => r.ClassificationYear == year && r.Code == role.Code, ct),
            AccessKind.Institution => await db.Institutions.AnyAsync(i => i.Brin == role.Code, ct),
            _ => true,
        };
        if (!known)
        {
            return ProblemDetailsExtensions.InvalidParameter("role", $"{role} names no RMC region of {year} or known institution.");
        }
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 200)
        {
            return ProblemDetailsExtensions.InvalidParameter("label", "A label of 1 to 200 characters says who holds the key.");
        }
        if (request.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return ProblemDetailsExtensions.InvalidParameter("expiresAt", "expiresAt lies in the past.");
        }
        var issued = await db.IssueKeyAsync(role, request.Label.Trim(), request.ExpiresAt, clock, ct);
        return TypedResults.Created($"/admin/keys/{issued.Id}", new CreatedKey(issued.Id, issued.Key, issued.Role, issued.Label, issued.ExpiresAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(Guid id, HotspotDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.RevokeKeyAsync(id, clock, ct) ? TypedResults.NoContent() : ProblemDetailsExtensions.NotFound($"There is no key {id}.");

    private static async Task<Ok<List<AuditRecord>>> GetAudit(HotspotDbContext db, TimeProvider clock,
        [Description("Entries at or after this time (ISO 8601); default the last 24 hours.")] DateTimeOffset? since,
        [Description("At most this many entries, newest first (default 1000, at most 10000).")] int? limit,
        CancellationToken ct)
    {
        var from = since ?? clock.GetUtcNow().AddDays(-1);
        var take = Math.Clamp(limit ?? 1000, 1, 10_000);
        return TypedResults.Ok(await db.AuditLog.AsNoTracking().Where(e => e.At >= from).OrderByDescending(e => e.Id).Take(take)
            .Select(e => new AuditRecord(e.Id, e.KeyId, e.Role, e.Method, e.Path, e.Status, e.At)).ToListAsync(ct));
    }

    private static Ok<MeResponse> GetMe(HttpContext http, DisclosurePolicy policy)
    {
        var role = AccessRole.Of(http.User);
        var sees = role.Kind switch
        {
            AccessKind.Admin => "Every count exact; key management, the audit log and imports.",
            AccessKind.Rmc => $"The counts of students living in {role.Code} exact; everything else protected as in the public view.",
            AccessKind.Institution => $"The counts of {role.Code} and its campuses exact; everything else protected as in the public view.",
            _ => "The public view: counts from 1 to 4 are hidden, and so is whatever would reveal them.",
        };
        return TypedResults.Ok(new MeResponse(role.ToString(), role.Kind.ToString().ToLowerInvariant(), role.Code,
            http.User.Identity?.IsAuthenticated == true, policy.View, sees));
    }
}
