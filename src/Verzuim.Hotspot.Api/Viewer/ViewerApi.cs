using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;

namespace Verzuim.Hotspot.Api.Viewer;

/// <summary>
/// Serves the map viewer's static build under /viewer/, and /viewer/config.json with the settings the page needs
/// from the server. Everything the page loads comes from here, so the default map works without internet.
/// </summary>
internal static class ViewerApi
{
    public const string Path = "/viewer";

    public static IServiceCollection AddViewer(this IServiceCollection services)
    {
        services.AddOptions<ViewerOptions>().BindConfiguration(ViewerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static WebApplication UseViewer(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ViewerOptions>>().Value;
        var dist = ResolveDist(app.Environment.ContentRootPath, options);
        if (Directory.Exists(dist))
        {
            var files = new PhysicalFileProvider(dist);
            app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = Path,
                FileProvider = files,
                // Vite puts a content hash in every asset name, so assets never change; index.html must be revalidated.
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                    c.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
            });
        }
        return app;
    }

    public static WebApplication MapViewer(this WebApplication app)
    {
        var group = app.MapGroup(Path).WithTags("Viewer").ExcludeFromDescription();
        group.MapGet("/config.json", (IOptions<ViewerOptions> options) =>
            TypedResults.Ok(new ViewerConfig(options.Value.BasemapTiles, options.Value.BasemapAttribution)));
        // Only without a build: a matched endpoint would stop the static files middleware from serving index.html.
        var options = app.Services.GetRequiredService<IOptions<ViewerOptions>>().Value;
        if (!Directory.Exists(ResolveDist(app.Environment.ContentRootPath, options)))
        {
            group.MapGet("/", NotBuilt);
        }
        return app;
    }

    internal static string ResolveDist(string contentRoot, ViewerOptions options) =>
        System.IO.Path.GetFullPath(options.DistPath, contentRoot);

    private static ProblemHttpResult NotBuilt() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "The viewer has not been built.",
        Detail = "Run `npm ci && npm run build` in viewer/ (scripts/run does), or set Viewer__DistPath to the build output.",
    });
}

/// <summary>What the page reads before it draws: an optional outside basemap (empty: none).</summary>
internal sealed record ViewerConfig(string BasemapTiles, string BasemapAttribution);
