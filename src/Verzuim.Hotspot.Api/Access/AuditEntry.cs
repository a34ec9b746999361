using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>One keyed request: who (key id and role), what (method, path) and how it ended. Never the key itself.</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid? KeyId { get; set; }
    public required string Role { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    public int Status { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(e => e.Id);
        b.Property(e => e.Role).HasMaxLength(40);
        b.Property(e => e.Method).HasMaxLength(10);
        b.Property(e => e.Path).HasMaxLength(2000);
        b.HasIndex(e => e.At);
    }
}
