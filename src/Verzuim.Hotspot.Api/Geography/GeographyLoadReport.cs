using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>What the geography loader did for one classification year, including what it could not place.</summary>
internal sealed class GeographyLoadReport
{
    public int ClassificationYear { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    public int RmcRegions { get; set; }
    public int Municipalities { get; set; }
    public int Pc4Areas { get; set; }
    public int Campuses { get; set; }

    /// <summary>PC4 codes whose source polygon is empty.</summary>
    public List<string> Pc4WithEmptyGeometry { get; set; } = [];

    /// <summary>PC4 codes known from addresses or statistics but absent from the polygon layer.</summary>
    public List<string> Pc4WithoutGeometry { get; set; } = [];

    /// <summary>PC4 codes that no municipality could be found for.</summary>
    public List<string> Pc4Unplaced { get; set; } = [];

    /// <summary>Campuses placed by postcode, with the reason.</summary>
    public List<string> CampusesPlacedByPostcode { get; set; } = [];

    public List<string> CampusesUnplaced { get; set; } = [];
}

internal sealed class GeographyLoadReportConfiguration : IEntityTypeConfiguration<GeographyLoadReport>
{
    public void Configure(EntityTypeBuilder<GeographyLoadReport> b)
    {
        b.HasKey(r => r.ClassificationYear);
        b.ToTable("geography_loads");
        b.Property(r => r.Pc4Areas).HasColumnName("pc4_areas");
        b.Property(r => r.Pc4WithEmptyGeometry).HasColumnName("pc4_with_empty_geometry");
        b.Property(r => r.Pc4WithoutGeometry).HasColumnName("pc4_without_geometry");
        b.Property(r => r.Pc4Unplaced).HasColumnName("pc4_unplaced");
    }
}
