using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Verzuim.Hotspot.Api.Locate;

/// <summary>
/// The query of GET /locate, bound as text so that every malformed value gets a precise 400 problem
/// (see <see cref="LocatePoint.TryParse"/>).
/// </summary>
internal sealed class LocateQuery
{
    [FromQuery(Name = "lon"), Description("WGS84 longitude in degrees, with lat; or give x, y and crs instead.")]
    public string? Lon { get; init; }

    [FromQuery(Name = "lat"), Description("WGS84 latitude in degrees, with lon.")]
    public string? Lat { get; init; }

    [FromQuery(Name = "x"), Description("First coordinate in the axis order of crs: RD easting in metres (EPSG:28992, the default), " +
        "longitude (CRS84) or latitude (EPSG:4326).")]
    public string? X { get; init; }

    [FromQuery(Name = "y"), Description("Second coordinate in the axis order of crs: RD northing in metres, latitude (CRS84) or longitude (EPSG:4326).")]
    public string? Y { get; init; }

    [FromQuery(Name = "crs"), Description("CRS of x and y: EPSG:28992 (default), CRS84 or EPSG:4326, also as http://www.opengis.net/def/crs/ URIs.")]
    public string? Crs { get; init; }

    [FromQuery(Name = "year"), Description("Classification year of the geography; default the configured one.")]
    public string? Year { get; init; }
}
