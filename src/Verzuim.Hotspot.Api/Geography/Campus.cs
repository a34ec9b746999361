using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>A campus (vestiging): BRIN plus a two-digit number, e.g. 25LX01.</summary>
internal sealed class Campus
{
    public required string BrinVest { get; set; }
    public required string Brin { get; set; }
    public required string Vestiging { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Place { get; set; }
    public bool IsMainLocation { get; set; }

    /// <summary>As registered; may be missing or wrong, see <see cref="CampusPlacement"/>.</summary>
    public Point? Location { get; set; }
}

/// <summary>Where a campus lies in one classification year, and how that was decided.</summary>
internal sealed class CampusPlacement
{
    public int ClassificationYear { get; set; }
    public required string BrinVest { get; set; }
    public string? MunicipalityCode { get; set; }
    public PlacementMethod Method { get; set; }

    /// <summary>Why the postcode decided, e.g. the point lies in another municipality than the postcode.</summary>
    public string? Note { get; set; }
}

internal sealed class CampusConfiguration : IEntityTypeConfiguration<Campus>
{
    public void Configure(EntityTypeBuilder<Campus> b)
    {
        b.HasKey(c => c.BrinVest);
        b.Property(c => c.BrinVest).HasMaxLength(6).IsFixedLength();
        b.Property(c => c.Brin).HasMaxLength(4).IsFixedLength();
        b.Property(c => c.Vestiging).HasMaxLength(2).IsFixedLength();
        b.Property(c => c.Postcode).HasMaxLength(6);
        b.Property(c => c.Location).HasColumnType($"geometry(Point, {HotspotDbContext.RdNew})");
        b.HasIndex(c => c.Location).HasMethod("gist");
        b.HasIndex(c => c.Brin);
        b.HasOne<Institution>().WithMany().HasForeignKey(c => c.Brin);
    }
}

internal sealed class CampusPlacementConfiguration : IEntityTypeConfiguration<CampusPlacement>
{
    public void Configure(EntityTypeBuilder<CampusPlacement> b)
    {
        b.HasKey(p => new { p.ClassificationYear, p.BrinVest });
        b.Property(p => p.BrinVest).HasMaxLength(6).IsFixedLength();
        b.Property(p => p.MunicipalityCode).HasMaxLength(6);
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Campus>().WithMany().HasForeignKey(p => p.BrinVest).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany()
            .HasForeignKey(p => new { p.ClassificationYear, p.MunicipalityCode })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
