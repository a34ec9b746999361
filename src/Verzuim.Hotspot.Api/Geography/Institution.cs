using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>An mbo institution, identified by its 4-character BRIN.</summary>
internal sealed class Institution
{
    public required string Brin { get; set; }
    public required string Name { get; set; }
    public string? Website { get; set; }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.HasKey(i => i.Brin);
        b.Property(i => i.Brin).HasMaxLength(4).IsFixedLength();
    }
}
