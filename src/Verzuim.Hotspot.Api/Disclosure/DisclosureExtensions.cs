namespace Verzuim.Hotspot.Api.Disclosure;

internal static class DisclosureExtensions
{
    public static IServiceCollection AddDisclosure(this IServiceCollection services)
    {
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProtectionStore>().AddHostedService<ProtectionWarmer>();
        services.AddExceptionHandler<ProtectionPendingHandler>();
        // Scoped: the mode will depend on the caller once API keys are scoped per RMC region.
        return services.AddScoped<DisclosurePolicy>();
    }
}
