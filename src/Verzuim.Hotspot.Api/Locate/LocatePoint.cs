using NetTopologySuite.Geometries;
using Verzuim.Hotspot.Api.Geo;
using Verzuim.Hotspot.Api.Layers;

namespace Verzuim.Hotspot.Api.Locate;

/// <summary>A validated /locate request: the point in RD New and WGS84, and the requested classification year.</summary>
internal sealed record LocatePoint(double X, double Y, double Lon, double Lat, int? Year)
{
    private const string Either = "Give lon and lat (WGS84 degrees), or x and y with crs (EPSG:28992 metres by default).";

    /// <summary>False for a lon/lat outside the Netherlands and its coastal zone: no area can hold it, so no query is needed.</summary>
    public bool InRegion => RdNew.Region.Contains(Lon, Lat);

    /// <summary>The point in the storage CRS, for ST_Covers on the stored geometry and its GiST index.</summary>
    public Point Rd => new(X, Y) { SRID = RdNew.Srid };

    public LocateCoordinates Coordinates => new(Math.Round(X, 2), Math.Round(Y, 2), Math.Round(Lon, 7), Math.Round(Lat, 7));

    public static bool TryParse(LocateQuery query, out LocatePoint point, out ValidationProblem? problem)
    {
        point = null!;
        var lonLat = query.Lon is not null || query.Lat is not null;
        var xy = query.X is not null || query.Y is not null;
        problem = (lonLat, xy) switch
        {
            (true, true) => ProblemDetailsExtensions.InvalidParameter(query.Lon is not null ? "lon" : "lat", "Give lon and lat, or x and y, not both."),
            (false, false) => ProblemDetailsExtensions.InvalidParameter("lon", Either),
            (true, _) when query.Crs is not null => ProblemDetailsExtensions.InvalidParameter("crs", "crs applies to x and y; lon and lat are always WGS84."),
            _ => null,
        };
        if (problem is not null || !TryParseYear(query.Year, out var year, out problem))
        {
            return false;
        }
        if (lonLat)
        {
            if (!TryNumber("lon", query.Lon, -180, 180, "degrees", out var lon, out problem)
                || !TryNumber("lat", query.Lat, -90, 90, "degrees", out var lat, out problem))
            {
                return false;
            }
            var (x, y) = CrsTransform.ToRd(lon, lat);
            point = new LocatePoint(x, y, lon, lat, year);
            return true;
        }
        var crs = LayerCrs.RdNew;
        if (query.Crs is not null && LayerCrs.Parse(query.Crs) is not { } parsed)
        {
            problem = ProblemDetailsExtensions.InvalidParameter("crs", "Supported CRS: " + string.Join(", ", LayerCrs.Uris) + ".");
            return false;
        }
        else if (query.Crs is not null)
        {
            crs = LayerCrs.Parse(query.Crs)!;
        }
        if (crs.Srid == RdNew.Srid)
        {
            var grid = RdNew.Grid;
            if (!TryNumber("x", query.X, grid.MinX, grid.MaxX, "metres (the RD New grid)", out var x, out problem)
                || !TryNumber("y", query.Y, grid.MinY, grid.MaxY, "metres (the RD New grid)", out var y, out problem))
            {
                return false;
            }
            var (lon, lat) = CrsTransform.ToWgs84(x, y);
            point = new LocatePoint(x, y, lon, lat, year);
            return true;
        }
        // EPSG:4326 is lat/lon in its own axis order, as bbox-crs is on the layers; CRS84 is lon/lat.
        var (lonRange, latRange) = ((-180.0, 180.0), (-90.0, 90.0));
        var (xRange, yRange) = crs.LatLon ? (latRange, lonRange) : (lonRange, latRange);
        if (!TryNumber("x", query.X, xRange.Item1, xRange.Item2, "degrees", out var first, out problem)
            || !TryNumber("y", query.Y, yRange.Item1, yRange.Item2, "degrees", out var second, out problem))
        {
            return false;
        }
        var (pointLon, pointLat) = crs.LatLon ? (second, first) : (first, second);
        var rd = CrsTransform.ToRd(pointLon, pointLat);
        point = new LocatePoint(rd.X, rd.Y, pointLon, pointLat, year);
        return true;
    }

    private static bool TryNumber(string name, string? text, double min, double max, string unit, out double value, out ValidationProblem? problem)
    {
        problem = null;
        value = 0;
        if (text is null)
        {
            problem = ProblemDetailsExtensions.InvalidParameter(name, $"{name} is missing. {Either}");
            return false;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value) || value < min || value > max)
        {
            problem = ProblemDetailsExtensions.InvalidParameter(name,
                string.Create(CultureInfo.InvariantCulture, $"{name} is a number with a decimal point from {min} to {max} {unit}."));
            return false;
        }
        return true;
    }

    private static bool TryParseYear(string? text, out int? year, out ValidationProblem? problem)
    {
        problem = ClassificationYears.TryParse(text, out year) ? null : ProblemDetailsExtensions.InvalidParameter("year", ClassificationYears.YearRule);
        return problem is null;
    }
}
