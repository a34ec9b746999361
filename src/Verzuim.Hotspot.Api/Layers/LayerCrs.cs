using NetTopologySuite.Geometries;
using Verzuim.Hotspot.Api.Geo;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// The coordinate reference systems of OGC API Features Part 2 that the layers serve. CRS84 is lon/lat; EPSG:4326
/// is lat/lon, the axis order its definition gives; EPSG:28992 (RD New) is x/y in metres and is the storage CRS.
/// </summary>
internal sealed record LayerCrs(string Uri, int Srid, bool LatLon, int DefaultPrecision)
{
    public static readonly LayerCrs Crs84 = new("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, 6);
    public static readonly LayerCrs Epsg4326 = new("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, 6);
    public static readonly LayerCrs RdNew = new("http://www.opengis.net/def/crs/EPSG/0/28992", 28992, false, 2);

    public static IReadOnlyList<LayerCrs> All { get; } = [Crs84, Epsg4326, RdNew];

    public static IReadOnlyList<string> Uris { get; } = [.. All.Select(c => c.Uri)];

    /// <summary>Accepts the URI, its https form, or the short EPSG:n / OGC:CRS84 forms (also as [safe CURIEs]).</summary>
    public static LayerCrs? Parse(string value)
    {
        var v = value.Trim().TrimStart('[').TrimEnd(']');
        if (v.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            v = "http://" + v["https://".Length..];
        }
        return All.FirstOrDefault(c => string.Equals(c.Uri, v, StringComparison.OrdinalIgnoreCase)) ?? v.ToUpperInvariant() switch
        {
            "OGC:CRS84" or "CRS84" => Crs84,
            "EPSG:4326" => Epsg4326,
            "EPSG:28992" => RdNew,
            _ => null,
        };
    }

    /// <summary>
    /// The output geometry expression: polygons oriented by the right-hand rule (RFC 7946) in lon/lat, then axes
    /// swapped for EPSG:4326. Only polygons: PostGIS 3.3's ST_ForcePolygonCCW reverses line strings.
    /// </summary>
    public string Output(string geometry28992, bool polygons)
    {
        var oriented = polygons ? "ST_ForcePolygonCCW({0})" : "{0}";
        return this switch
        {
            _ when Srid == 28992 => string.Format(CultureInfo.InvariantCulture, oriented, geometry28992),
            _ when LatLon => "ST_FlipCoordinates(" + string.Format(CultureInfo.InvariantCulture, oriented, $"ST_Transform({geometry28992}, 4326)") + ")",
            _ => string.Format(CultureInfo.InvariantCulture, oriented, $"ST_Transform({geometry28992}, 4326)"),
        };
    }

    /// <summary>
    /// The bbox (in this CRS's axis order) as a polygon in RD New, transformed here with ProjNet so that SQL compares it
    /// with the stored geometry and its GiST index directly; null when a lon/lat box lies wholly outside the Netherlands.
    /// </summary>
    public Polygon? BboxInRd(IReadOnlyList<double> bbox) => this switch
    {
        _ when Srid == RdNew.Srid => CrsTransform.RdBox(bbox[0], bbox[1], bbox[2], bbox[3]),
        _ when LatLon => CrsTransform.BboxToRd(bbox[1], bbox[0], bbox[3], bbox[2]),
        _ => CrsTransform.BboxToRd(bbox[0], bbox[1], bbox[2], bbox[3]),
    };

    public string ContentCrsHeader => $"<{Uri}>";
}
