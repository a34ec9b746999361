namespace Verzuim.Hotspot.Api.Packs;

internal static class PacksApi
{
    public static IEndpointRouteBuilder MapPacks(this IEndpointRouteBuilder app) => app;
}
