using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// The documented query parameters of /items, bound as text so that every malformed value gets a precise 400 problem
/// (see <see cref="ItemsRequest.TryParse"/>). Equality filters on queryable properties (e.g. rmc=MC21) come on top.
/// </summary>
internal sealed class ItemsQuery
{
    [FromQuery(Name = "limit"), Description("Features per page, 1 to 10000."), DefaultValue(100)]
    public string? Limit { get; init; }

    [FromQuery(Name = "offset"), Description("Features to skip; follow the next link instead of counting."), DefaultValue(0)]
    public string? Offset { get; init; }

    [FromQuery(Name = "bbox"), Description("minx,miny,maxx,maxy in bbox-crs (CRS84 lon/lat by default).")]
    public string? Bbox { get; init; }

    [FromQuery(Name = "bbox-crs"), Description("CRS of bbox: CRS84 (default), EPSG:4326 (lat/lon) or EPSG:28992, as http://www.opengis.net/def/crs/ URIs.")]
    public string? BboxCrs { get; init; }

    [FromQuery(Name = "crs"), Description("CRS of the geometries: CRS84 (default), EPSG:4326 (lat/lon) or EPSG:28992.")]
    public string? Crs { get; init; }

    [FromQuery(Name = "properties"), Description("Comma-separated property names to return (default all).")]
    public string? Properties { get; init; }

    [FromQuery(Name = "precision"), Description("Decimals in coordinates, 0 to 15 (default 6 for degrees, 2 for metres).")]
    public string? Precision { get; init; }

    [FromQuery(Name = "simplify"), Description("Simplification tolerance in metres (topology preserving), up to 100000.")]
    public string? Simplify { get; init; }

    [FromQuery(Name = "zoom"), Description("Simplify for this WebMercatorQuad zoom level (0 to 24) instead of giving a tolerance.")]
    public string? Zoom { get; init; }

    [FromQuery(Name = "f"), Description("Output format; only json/geojson is offered.")]
    public string? Format { get; init; }

    /// <summary>The names above: any other query parameter, besides those of <see cref="Counts.CountsQuery"/>, must be a queryable property.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "limit", "offset", "bbox", "bbox-crs", "crs", "properties", "precision", "simplify", "zoom", "f",
    };
}
