using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Layers;

internal sealed class LayersOptions
{
    public const string Section = "Layers";

    /// <summary>Memory for built vector tiles, kept per data version; 0 builds every tile afresh.</summary>
    [Range(0, 4096)]
    public int TileCacheMegabytes { get; set; } = 64;
}
