using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Memory for computed answers (flow matrices, layer statistics, hotspots, contiguity); 0 keeps nothing.</summary>
    [Range(0, 16384)]
    public int Megabytes { get; set; } = 512;
}
