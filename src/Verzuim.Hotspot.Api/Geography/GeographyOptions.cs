using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Geography;

/// <summary>Which classification year the service answers for, and where the bundled geodata lives.</summary>
internal sealed class GeographyOptions
{
    public const string Section = "Geography";

    /// <summary>The classification year of RMC regions and municipalities served by default.</summary>
    [Range(2014, 2100)]
    public int ClassificationYear { get; set; } = 2025;

    /// <summary>Folder with the bundled geodata (see geodata/SOURCES.md); relative paths are resolved from the working directory.</summary>
    [Required]
    public string GeodataPath { get; set; } = "geodata";
}
