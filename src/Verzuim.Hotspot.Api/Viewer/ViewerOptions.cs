using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Viewer;

/// <summary>Where the built viewer (viewer/dist, made by <c>npm run build</c>) lives, and an optional outside basemap.</summary>
internal sealed class ViewerOptions
{
    public const string Section = "Viewer";

    /// <summary>
    /// The viewer's build output. Relative paths are resolved from the content root; the default fits
    /// <c>dotnet run</c> and the tests, whose content root is the API project folder. scripts/run sets it absolute.
    /// </summary>
    [Required]
    public string DistPath { get; set; } = Path.Combine("..", "..", "viewer", "dist");

    /// <summary>
    /// An XYZ raster tile URL template for a background map from outside, e.g. a public WMTS in WebMercatorQuad.
    /// Empty (the default): no background, and the page loads nothing from another host.
    /// </summary>
    public string BasemapTiles { get; set; } = "";

    /// <summary>The attribution shown with <see cref="BasemapTiles"/>.</summary>
    public string BasemapAttribution { get; set; } = "";
}
