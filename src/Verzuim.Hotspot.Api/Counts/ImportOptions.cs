using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>How much may be imported at once (who may import is the admin policy, see Access/).</summary>
internal sealed class ImportOptions
{
    public const string ImportsSection = "Imports";

    /// <summary>Imports:MaxUploadBytes; larger request bodies are refused with 413.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
}
