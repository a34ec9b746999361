using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>Response compression (brotli, gzip) for JSON, GeoJSON, CSV and vector tiles, and CORS for GET from any origin.</summary>
internal static class HttpExtensions
{
    public static IServiceCollection AddHotspotHttp(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Public, non-secret answers only; the admin key travels in a request header, never in a response.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/geo+json", "application/problem+json", "text/csv", "application/vnd.mapbox-vector-tile"]);
        });
        // Fastest for answers built per request: the fast levels already shrink GeoJSON severalfold. Answers the
        // output cache keeps are compressed harder, once (KeptAnswerCompression).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, KeptAnswerCompression>();
        services.AddSingleton(sp => new DataVersionConnection(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton(sp => new DataVersionReader(sp.GetRequiredService<DataVersionConnection>().ReadAsync));
        services.AddOutputCache(o => o.AddPolicy(DataVersionOutputCachePolicy.Name, new DataVersionOutputCachePolicy()));
        return services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .AllowAnyHeader().WithExposedHeaders("ETag", "Content-Crs", "Link")));
    }

    public static WebApplication UseHotspotHttp(this WebApplication app)
    {
        app.UseCors();
        // Before compression in the pipeline: the output cache keeps the compressed bytes (one entry per
        // Accept-Encoding), so a hit is neither recomputed nor recompressed.
        app.UseOutputCache();
        // The rate limiter (UseAccess) comes after the output cache: kept answers never wait for a permit.
        app.UseResponseCompression();
        return app;
    }
}
