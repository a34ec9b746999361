using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>
/// An area's polygon as the map layers draw it, made once at geography load: simplified for one zoom band and
/// already projected, to Web Mercator for vector tiles and to WGS84 (right-hand rule) for GeoJSON items. A fresh
/// tile or page then neither projects nor simplifies full-detail polygons. The full geometry in RD New stays on the
/// area itself for precise queries (bbox, contiguity, placement).
/// </summary>
internal sealed class GeneralisedArea
{
    /// <summary>The band of full detail: only projected, never simplified.</summary>
    public const short FullDetail = 99;

    /// <summary>Tile zoom bands: every even zoom up to this one; deeper tiles simplify at request time.</summary>
    public const int MaxTileBand = 12;

    public int ClassificationYear { get; set; }

    /// <summary>The layer's collection id: rmc-regions, municipalities or postcode-areas.</summary>
    public required string Layer { get; set; }
    public required string Code { get; set; }

    /// <summary>The zoom whose tile unit was the simplification tolerance, or <see cref="FullDetail"/>.</summary>
    public short Band { get; set; }

    public MultiPolygon? Mercator { get; set; }
    public MultiPolygon? Wgs84 { get; set; }

    /// <summary>The band that serves a tile of zoom z: the next even zoom, never coarser than z asks; null past the bands.</summary>
    public static short? TileBand(int z) => z > MaxTileBand ? null : (short)(z + (z % 2));
}

internal sealed class GeneralisedAreaConfiguration : IEntityTypeConfiguration<GeneralisedArea>
{
    public void Configure(EntityTypeBuilder<GeneralisedArea> b)
    {
        b.ToTable("generalised_areas");
        b.HasKey(g => new { g.ClassificationYear, g.Layer, g.Band, g.Code });
        b.Property(g => g.Layer).HasMaxLength(20);
        b.Property(g => g.Code).HasMaxLength(6);
        b.Property(g => g.Mercator).HasColumnType("geometry(MultiPolygon, 3857)");
        b.Property(g => g.Wgs84).HasColumnType("geometry(MultiPolygon, 4326)");
        b.HasIndex(g => g.Mercator).HasMethod("gist");
    }
}
