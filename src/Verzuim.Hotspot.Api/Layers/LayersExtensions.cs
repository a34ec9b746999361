namespace Verzuim.Hotspot.Api.Layers;

internal static class LayersExtensions
{
    public static IServiceCollection AddLayers(this IServiceCollection services) => services.AddSingleton<LayerStatistics>();

    public static IEndpointRouteBuilder MapLayers(this IEndpointRouteBuilder app) => app.MapOgcApi().MapLayerTiles();
}
