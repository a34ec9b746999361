using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Verzuim.Hotspot.Api.Geo;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// Streams GeoJSON features straight from the database reader to the response: PostGIS writes each geometry
/// (ST_AsGeoJSON), this writes the members around it, flushing as it goes, so no page is ever held as one string.
/// A collection answer is a FeatureCollection with the OGC members (links, numberMatched, numberReturned) and the
/// provenance of the statistics as foreign members; a single answer is one Feature.
/// </summary>
internal sealed class FeaturesResult(
    NpgsqlConnection connection,
    NpgsqlCommand command,
    LayerCollection collection,
    ItemsRequest request,
    LayerStatisticsTable? statistics,
    CountsProvenance? provenance,
    IReadOnlyList<OgcLink> links,
    long? numberMatched,
    int? numberReturned) : IResult, IEndpointMetadataProvider
{
    public const string GeoJson = GeoJsonWriter.ContentType;

    private const int FlushBytes = 32 * 1024;

    public bool Single => numberMatched is null;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ct = httpContext.RequestAborted;
        await using var _ = connection;
        await using var __ = command;
        var response = httpContext.Response;
        response.ContentType = GeoJson;
        response.Headers["Content-Crs"] = request.Crs.ContentCrsHeader;
        var properties = LayerSql.Selected(collection, request);
        var statisticsWanted = statistics is not null && ItemsRequest.StatisticsProperties.Any(request.Wants);

        await using var reader = await command.ExecuteReaderAsync(ct);
        var writer = new Utf8JsonWriter(response.BodyWriter, GeoJsonWriter.Options);
        if (!Single)
        {
            GeoJsonWriter.StartCollection(writer);
            writer.WriteNumber("numberMatched", numberMatched!.Value);
            writer.WriteNumber("numberReturned", numberReturned!.Value);
            writer.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            WriteLinks(writer, links);
            if (provenance is not null)
            {
                writer.WritePropertyName("provenance");
                JsonSerializer.Serialize(writer, provenance, ProvenanceJson);
            }
            GeoJsonWriter.StartFeatures(writer);
        }
        while (await reader.ReadAsync(ct))
        {
            WriteFeature(writer, reader, properties, statisticsWanted);
            if (writer.BytesPending > FlushBytes)
            {
                await writer.FlushAsync(ct);
                await response.BodyWriter.FlushAsync(ct);
            }
        }
        if (!Single)
        {
            GeoJsonWriter.EndCollection(writer);
        }
        await writer.FlushAsync(ct);
        // Flush the pipe too: a wrapping body (the output cache) is restored as soon as the endpoint returns, and
        // bytes still buffered in the pipe would not reach it.
        await response.BodyWriter.FlushAsync(ct);
    }

    private static readonly JsonSerializerOptions ProvenanceJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void WriteFeature(Utf8JsonWriter writer, NpgsqlDataReader reader, IReadOnlyList<LayerProperty> properties, bool statisticsWanted)
    {
        var id = reader.GetString(0);
        GeoJsonWriter.StartFeature(writer, id, reader.IsDBNull(1) ? null : reader.GetString(1));
        writer.WriteStartObject("properties");
        for (var i = 0; i < properties.Count; i++)
        {
            var ordinal = i + 2;
            var property = properties[i];
            if (reader.IsDBNull(ordinal))
            {
                writer.WriteNull(property.Name);
                continue;
            }
            switch (property.Type)
            {
                case LayerPropertyType.String:
                    writer.WriteString(property.Name, reader.GetString(ordinal).TrimEnd());
                    break;
                case LayerPropertyType.Integer:
                    writer.WriteNumber(property.Name, Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture));
                    break;
                case LayerPropertyType.Number:
                    writer.WriteNumber(property.Name, Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture));
                    break;
                case LayerPropertyType.Boolean:
                    writer.WriteBoolean(property.Name, reader.GetBoolean(ordinal));
                    break;
            }
        }
        if (statisticsWanted)
        {
            var counts = statistics!.For(id);
            WriteNullable(writer, "students", counts.Students, request);
            WriteNullable(writer, "absenceReports", counts.AbsenceReports, request);
            if (request.Wants("reportsPer100"))
            {
                if (counts.ReportsPer100 is { } rate)
                {
                    writer.WriteNumber("reportsPer100", rate);
                }
                else
                {
                    writer.WriteNull("reportsPer100");
                }
            }
            if (request.Wants("suppressed"))
            {
                writer.WriteBoolean("suppressed", counts.Suppressed);
            }
        }
        writer.WriteEndObject();
        if (Single)
        {
            WriteLinks(writer, links);
        }
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, long? value, ItemsRequest request)
    {
        if (!request.Wants(name))
        {
            return;
        }
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteLinks(Utf8JsonWriter writer, IReadOnlyList<OgcLink> links)
    {
        writer.WriteStartArray("links");
        foreach (var link in links)
        {
            writer.WriteStartObject();
            writer.WriteString("href", link.Href);
            writer.WriteString("rel", link.Rel);
            writer.WriteString("type", link.Type);
            if (link.Title is not null)
            {
                writer.WriteString("title", link.Title);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(GeoJsonFeatureCollection), [GeoJson]));
}
