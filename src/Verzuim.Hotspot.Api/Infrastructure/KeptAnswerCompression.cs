using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Picks the compression of each answer by how often its bytes will be sent. An answer built for one request (keyed,
/// uncached, a fresh tile with the output cache off) is compressed at the fastest level. An answer the output cache
/// keeps is compressed once per data version and then sent many times, so it is compressed at the optimal level: that
/// shrinks the large layers by about a third, and sending bytes, not building them, is what a kept answer costs.
/// </summary>
internal sealed class KeptAnswerCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : IResponseCompressionProvider
{
    private readonly ResponseCompressionProvider _perRequest = new(services, options);

    private static readonly GzipCompressionProvider KeptGzip =
        new(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Optimal }));

    private static readonly BrotliCompressionProvider KeptBrotli =
        new(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Optimal }));

    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var chosen = _perRequest.GetCompressionProvider(context);
        if (chosen is null || context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage != true)
        {
            return chosen;
        }
        return chosen.EncodingName switch
        {
            "gzip" => KeptGzip,
            "br" => KeptBrotli,
            _ => chosen,
        };
    }

    public bool ShouldCompressResponse(HttpContext context) => _perRequest.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => _perRequest.CheckRequestAcceptsCompression(context);
}
