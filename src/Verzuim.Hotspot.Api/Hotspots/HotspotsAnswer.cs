using System.Buffers;
using System.Text.Json;
using Verzuim.Hotspot.Api.Geo;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// A hotspots answer as GeoJSON bytes: a FeatureCollection named "hotspots" with the parameters, a class summary, the
/// unplaced students and the provenance as foreign members, and one feature per area. Written once per data version
/// and parameters, then served from the cache as is.
/// </summary>
internal static class HotspotsAnswer
{
    public static byte[] Write(HotspotParameters parameters, HotspotSummary summary, PublishedCounts unplaced, CountsProvenance provenance,
        IReadOnlyList<(string Code, string? Geometry, HotspotProperties Properties)> features, JsonSerializerOptions json)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, GeoJsonWriter.Options))
        {
            GeoJsonWriter.StartCollection(writer);
            writer.WriteString("name", "hotspots");
            Member(writer, "parameters", parameters, json);
            Member(writer, "summary", summary, json);
            Member(writer, "unplaced", unplaced, json);
            Member(writer, "provenance", provenance, json);
            GeoJsonWriter.StartFeatures(writer);
            foreach (var (code, geometry, properties) in features)
            {
                GeoJsonWriter.StartFeature(writer, code, geometry);
                Member(writer, "properties", properties, json);
                writer.WriteEndObject();
            }
            GeoJsonWriter.EndCollection(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Member<T>(Utf8JsonWriter writer, string name, T value, JsonSerializerOptions json)
    {
        writer.WritePropertyName(json.PropertyNamingPolicy?.ConvertName(name) ?? name);
        JsonSerializer.Serialize(writer, value, json);
    }
}
