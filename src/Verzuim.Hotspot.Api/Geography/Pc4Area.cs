using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>How a PC4 area or a campus got its municipality.</summary>
internal enum PlacementMethod
{
    /// <summary>The municipality holding most of the postcode's addresses (CBS address crosswalk).</summary>
    Addresses,

    /// <summary>The municipality with the largest area overlap (no addresses known).</summary>
    LargestOverlap,

    /// <summary>The campus point lies in the municipality (and agrees with its postcode).</summary>
    PointInPolygon,

    /// <summary>The campus's postcode decided: its point was missing or contradicted the postcode.</summary>
    Postcode,

    /// <summary>Nothing could place it; counted and reported, never dropped.</summary>
    Unplaced,
}

/// <summary>A 4-digit postcode area in one classification year.</summary>
internal sealed class Pc4Area
{
    public int ClassificationYear { get; set; }
    public required string Code { get; set; }

    /// <summary>Null where the source has no polygon (newer postcodes) or an empty one.</summary>
    public MultiPolygon? Geometry { get; set; }
    public Point? RepresentativePoint { get; set; }
    public string? MunicipalityCode { get; set; }
    public PlacementMethod PlacementMethod { get; set; }

    /// <summary>Share of the postcode's addresses in the chosen municipality, when placed by addresses.</summary>
    public double? AddressShare { get; set; }

    /// <summary>Residents aged 15 to 25 (CBS, rounded to 5).</summary>
    public int? Population15To25 { get; set; }
}

internal sealed class Pc4AreaConfiguration : IEntityTypeConfiguration<Pc4Area>
{
    public void Configure(EntityTypeBuilder<Pc4Area> b)
    {
        b.ToTable("pc4_areas");
        b.HasKey(p => new { p.ClassificationYear, p.Code });
        b.Property(p => p.Population15To25).HasColumnName("population_15_25");
        b.Property(p => p.Code).HasMaxLength(4).IsFixedLength();
        b.Property(p => p.MunicipalityCode).HasMaxLength(6);
        b.Property(p => p.PlacementMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Geometry).HasColumnType($"geometry(MultiPolygon, {HotspotDbContext.RdNew})");
        b.Property(p => p.RepresentativePoint).HasColumnType($"geometry(Point, {HotspotDbContext.RdNew})");
        b.HasIndex(p => p.Geometry).HasMethod("gist");
        b.HasOne<Municipality>().WithMany()
            .HasForeignKey(p => new { p.ClassificationYear, p.MunicipalityCode })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
