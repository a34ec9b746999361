using Microsoft.OpenApi;

namespace Verzuim.Hotspot.Api.Geo;

/// <summary>For the OpenAPI document only: stands where a GeoJSON geometry is written (see <see cref="GeoJsonWriter"/>).</summary>
internal sealed record GeoJsonGeometry;

internal static class OpenApiGeoJson
{
    /// <summary>
    /// One small hand-written schema for geometry, only where geometry is: reflecting NTS types gives huge or looping
    /// schemas, and NTS ships none.
    /// </summary>
    private static readonly string[] GeometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"];

    public static IServiceCollection AddGeoJsonSchema(this IServiceCollection services)
    {
        services.ConfigureSwaggerGen(o => o.MapType<GeoJsonGeometry>(() => new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A GeoJSON geometry (RFC 7946): WGS84 lon/lat unless the crs parameter asks otherwise.",
            Required = new HashSet<string> { "type", "coordinates" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. GeometryTypes.Select(t => (System.Text.Json.Nodes.JsonNode)t)],
                },
                ["coordinates"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema() },
            },
        }));
        return services;
    }
}
