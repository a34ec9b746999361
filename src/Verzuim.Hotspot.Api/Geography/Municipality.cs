using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>A CBS municipality (GMxxxx) of one classification year, member of exactly one RMC region.</summary>
internal sealed class Municipality
{
    public int ClassificationYear { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string RmcCode { get; set; }
    public int? Population { get; set; }
    public required MultiPolygon Geometry { get; set; }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => new { m.ClassificationYear, m.Code });
        b.Property(m => m.Code).HasMaxLength(6);
        b.Property(m => m.RmcCode).HasMaxLength(4);
        b.Property(m => m.Geometry).HasColumnType($"geometry(MultiPolygon, {HotspotDbContext.RdNew})");
        b.HasIndex(m => m.Geometry).HasMethod("gist");
        b.HasIndex(m => new { m.ClassificationYear, m.RmcCode });
        b.HasOne<RmcRegion>().WithMany()
            .HasForeignKey(m => new { m.ClassificationYear, m.RmcCode })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
