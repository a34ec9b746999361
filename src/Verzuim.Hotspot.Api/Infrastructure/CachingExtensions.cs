namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class CachingExtensions
{
    /// <summary>The shared <see cref="VersionedCache"/> for computed answers, sized by Caching:Megabytes.</summary>
    public static IServiceCollection AddHotspotCaching(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton(sp => new VersionedCache(sp.GetRequiredService<IOptions<CachingOptions>>().Value.Megabytes));
    }
}
