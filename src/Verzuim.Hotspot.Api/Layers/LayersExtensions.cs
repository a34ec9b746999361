namespace Verzuim.Hotspot.Api.Layers;

internal static class LayersExtensions
{
    public static IServiceCollection AddLayers(this IServiceCollection services)
    {
        services.AddOptions<LayersOptions>().BindConfiguration(LayersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LayerTileCache>();
        return services.AddSingleton<LayerStatistics>();
    }

    public static IEndpointRouteBuilder MapLayers(this IEndpointRouteBuilder app) => app.MapOgcApi().MapLayerTiles();
}
