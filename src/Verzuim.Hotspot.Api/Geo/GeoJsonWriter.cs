using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verzuim.Hotspot.Api.Geo;

/// <summary>
/// The one way this service writes GeoJSON (RFC 7946): PostGIS writes each geometry (ST_AsGeoJSON, already in the
/// output CRS and precision) and this writes the members around it with a <see cref="Utf8JsonWriter"/>, so geometry is
/// never parsed into objects and written back. Layers stream features from the reader; hotspots write a cached answer.
/// </summary>
internal static class GeoJsonWriter
{
    public const string ContentType = "application/geo+json";

    // Relaxed escaping: links carry & and + that the default encoder would write as \u0026 and \u002B.
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Opens a FeatureCollection; foreign members and then <see cref="StartFeatures"/> follow.</summary>
    public static void StartCollection(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
    }

    public static void StartFeatures(Utf8JsonWriter writer) => writer.WriteStartArray("features");

    /// <summary>Closes the features array and the collection.</summary>
    public static void EndCollection(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Opens a Feature with its id and geometry (GeoJSON text from PostGIS, or null); "properties" comes next.</summary>
    public static void StartFeature(Utf8JsonWriter writer, string id, string? geometry)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", id);
        writer.WritePropertyName("geometry");
        if (geometry is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(geometry, skipInputValidation: true);
        }
    }
}
