using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>Source-generated JSON for the parameter files (read) and the manifest (written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    NewLine = "\n",
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SyntheticParameters))]
[JsonSerializable(typeof(SyntheticManifest))]
internal sealed partial class SyntheticJsonContext : JsonSerializerContext;
