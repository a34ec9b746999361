using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>The bound on computed answers (hotspots, outliers, trends, flows, agenda) that are not in the output cache.</summary>
internal sealed class LoadSheddingOptions
{
    public const string Section = "LoadShedding";

    /// <summary>Computations running at once; more only queue for CPU and database connections on a small machine.</summary>
    [Range(1, 1024)]
    public int PermitLimit { get; set; } = 4;

    /// <summary>Requests that may wait for a permit; beyond this they get 503 at once instead of a timeout later.</summary>
    [Range(0, 4096)]
    public int QueueLimit { get; set; } = 16;

    [Range(1, 300)]
    public int RetryAfterSeconds { get; set; } = 2;
}
