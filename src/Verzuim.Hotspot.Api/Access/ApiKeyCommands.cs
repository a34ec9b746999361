namespace Verzuim.Hotspot.Api.Access;

internal sealed record IssuedKey(Guid Id, string Key, string Role, string Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

internal sealed record KeyInfo(Guid Id, string Role, string Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

/// <summary>Issuing, listing and revoking keys: shared by the admin endpoints and the console's keys command.</summary>
internal static class ApiKeyCommands
{
    public static async Task<IssuedKey> IssueKeyAsync(this HotspotDbContext db, AccessRole role, string label, DateTimeOffset? expiresAt,
        TimeProvider clock, CancellationToken ct)
    {
        var key = ApiKeyHasher.NewKey();
        var entity = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            KeyHash = ApiKeyHasher.Hash(key),
            Role = role.ToString(),
            Label = label,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return new IssuedKey(entity.Id, key, entity.Role, entity.Label, entity.CreatedAt, entity.ExpiresAt);
    }

    public static Task<List<KeyInfo>> ListKeysAsync(this HotspotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new KeyInfo(k.Id, k.Role, k.Label, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now)))
            .ToListAsync(ct);
    }

    /// <summary>True when the key existed; revoking twice keeps the first time.</summary>
    public static async Task<bool> RevokeKeyAsync(this HotspotDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
        return changed > 0 || await db.ApiKeys.AnyAsync(k => k.Id == id, ct);
    }
}
