using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>An RMC region of one classification year; its polygon is the union of its member municipalities.</summary>
internal sealed class RmcRegion
{
    public int ClassificationYear { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string ContactMunicipalityCode { get; set; }

    /// <summary>True when the contact municipality is our assumption (the most populous member), not an override.</summary>
    public bool ContactMunicipalityAssumed { get; set; }

    public required MultiPolygon Geometry { get; set; }

    /// <summary>A point inside the region (ST_PointOnSurface), the origin of flow lines.</summary>
    public required Point RepresentativePoint { get; set; }
}

internal sealed class RmcRegionConfiguration : IEntityTypeConfiguration<RmcRegion>
{
    public void Configure(EntityTypeBuilder<RmcRegion> b)
    {
        b.HasKey(r => new { r.ClassificationYear, r.Code });
        b.Property(r => r.Code).HasMaxLength(4);
        b.Property(r => r.ContactMunicipalityCode).HasMaxLength(6);
        b.Property(r => r.Geometry).HasColumnType($"geometry(MultiPolygon, {HotspotDbContext.RdNew})");
        b.Property(r => r.RepresentativePoint).HasColumnType($"geometry(Point, {HotspotDbContext.RdNew})");
        b.HasIndex(r => r.Geometry).HasMethod("gist");
    }
}
