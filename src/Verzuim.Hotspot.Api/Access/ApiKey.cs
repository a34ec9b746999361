using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>
/// An issued API key. Only the SHA-256 hash of the key is stored: the key itself is shown once, when it is issued.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; set; }
    public required byte[] KeyHash { get; set; }
    public required string Role { get; set; }
    public required string Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.KeyHash).HasMaxLength(32);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.Property(k => k.Role).HasMaxLength(40);
        b.Property(k => k.Label).HasMaxLength(200);
    }
}
