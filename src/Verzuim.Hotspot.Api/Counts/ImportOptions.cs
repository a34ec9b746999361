using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>Who may import, and how much at once.</summary>
internal sealed class ImportOptions
{
    public const string AuthSection = "Auth";
    public const string ImportsSection = "Imports";

    /// <summary>Auth:AdminApiKey; with no key configured imports are refused.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Imports:MaxUploadBytes; larger request bodies are refused with 413.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
}
