using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>API keys, the audit log and the rate limits (section Auth).</summary>
internal sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>The bootstrap admin key from configuration (Auth:AdminApiKey); issued keys live in the database.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Audit entries older than this are deleted.</summary>
    [Range(1, 3650)]
    public int AuditRetentionDays { get; set; } = 180;

    /// <summary>Requests per second per anonymous client (by IP address), with a burst of ten times that.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerSecond { get; set; } = 50;

    /// <summary>Requests per second per key, with a burst of ten times that.</summary>
    [Range(1, 1_000_000)]
    public int KeyedPerSecond { get; set; } = 200;

    /// <summary>Wrong keys a client may send per minute before its requests are refused with 429.</summary>
    [Range(1, 10_000)]
    public int FailedKeysPerMinute { get; set; } = 10;
}
