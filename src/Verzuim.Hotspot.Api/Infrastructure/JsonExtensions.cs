using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class JsonExtensions
{
    public static IServiceCollection AddHotspotJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new GeoJsonConverterFactory(writeGeometryBBox: false, idPropertyName: "id"));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
}
