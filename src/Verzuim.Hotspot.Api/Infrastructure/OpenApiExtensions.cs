using Microsoft.OpenApi;
using Verzuim.Hotspot.Api.Geo;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddHotspotOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        return services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Verzuim.Hotspot",
                Version = "v1",
                Description = "Where Dutch mbo students come from and where absence reports pile up: RMC regions, " +
                    "municipalities, postcode areas, institutions and campuses, student flows and absence hotspots.",
            });
            o.SupportNonNullableReferenceTypes();
        }).AddGeoJsonSchema();
    }

    public static WebApplication UseHotspotOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(DocumentPath, "Verzuim.Hotspot v1");
            o.RoutePrefix = "swagger";
        });
        return app;
    }
}
