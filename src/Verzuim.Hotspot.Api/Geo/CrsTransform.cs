using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Verzuim.Hotspot.Api.Geo;

/// <summary>
/// WGS84 lon/lat to RD New and back with ProjNet, for input coordinates (bbox, a clicked point) so that SQL can compare
/// them with the stored RD geometry and its GiST index. Output geometry is still transformed by PostGIS.
/// </summary>
internal static class CrsTransform
{
    // ProjNet does not document whether one MathTransform may serve several threads at once (ProjNet4GeoAPI#118),
    // so every thread builds its own, once; the coordinate systems themselves are parsed once in RdNew.
    private static readonly ThreadLocal<MathTransform> Wgs84ToRd = new(() => Create(RdNew.Wgs84, RdNew.CoordinateSystem));
    private static readonly ThreadLocal<MathTransform> RdToWgs84 = new(() => Create(RdNew.CoordinateSystem, RdNew.Wgs84));

    /// <summary>At least this many points on each side of a transformed lon/lat box.</summary>
    public const int MinimumPointsPerSide = 16;

    // A box edge is straight in lon/lat and slightly curved in RD: one point per 0.01 degree (about 1 km) keeps the
    // chords within centimetres of the curve, as ST_Segmentize(..., 0.01) did when PostGIS transformed the bbox.
    private const double MaximumStepDegrees = 0.01;

    private static readonly GeometryFactory RdFactory = new(new PrecisionModel(), RdNew.Srid);

    public static (double X, double Y) ToRd(double lon, double lat)
    {
        Wgs84ToRd.Value!.Transform(ref lon, ref lat);
        return (lon, lat);
    }

    public static (double Lon, double Lat) ToWgs84(double x, double y)
    {
        RdToWgs84.Value!.Transform(ref x, ref y);
        return (x, y);
    }

    /// <summary>A copy of a lon/lat geometry in RD New, with SRID 28992.</summary>
    public static T ToRd<T>(T wgs84) where T : Geometry => Apply(wgs84, Wgs84ToRd.Value!, RdNew.Srid);

    /// <summary>A copy of an RD New geometry in WGS84 lon/lat, with SRID 4326.</summary>
    public static T ToWgs84<T>(T rd) where T : Geometry => Apply(rd, RdToWgs84.Value!, RdNew.Wgs84Srid);

    /// <summary>
    /// A lon/lat box as a polygon in RD New: clipped to <see cref="RdNew.Region"/>, its edges densified and transformed
    /// point by point. Its envelope (the bounding box of those points) contains the whole polygon, so an index filter on
    /// the envelope never drops a feature the polygon touches. Null when the box lies wholly outside the region.
    /// </summary>
    public static Polygon? BboxToRd(double minLon, double minLat, double maxLon, double maxLat)
    {
        var region = RdNew.Region;
        var (x0, y0, x1, y1) = (Math.Max(minLon, region.MinX), Math.Max(minLat, region.MinY),
            Math.Min(maxLon, region.MaxX), Math.Min(maxLat, region.MaxY));
        if (x0 > x1 || y0 > y1)
        {
            return null;
        }
        var n = Math.Max(MinimumPointsPerSide, (int)Math.Ceiling(Math.Max(x1 - x0, y1 - y0) / MaximumStepDegrees));
        var ring = new Coordinate[(4 * n) + 1];
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / n;
            ring[i] = new Coordinate(x0 + (t * (x1 - x0)), y0);
            ring[n + i] = new Coordinate(x1, y0 + (t * (y1 - y0)));
            ring[(2 * n) + i] = new Coordinate(x1 - (t * (x1 - x0)), y1);
            ring[(3 * n) + i] = new Coordinate(x0, y1 - (t * (y1 - y0)));
        }
        ring[4 * n] = ring[0].Copy();
        var transform = Wgs84ToRd.Value!;
        foreach (var c in ring)
        {
            var (x, y) = (c.X, c.Y);
            transform.Transform(ref x, ref y);
            (c.X, c.Y) = (x, y);
        }
        return RdFactory.CreatePolygon(ring);
    }

    /// <summary>An RD New box as a polygon with SRID 28992.</summary>
    public static Polygon RdBox(double minX, double minY, double maxX, double maxY) => RdFactory.CreatePolygon(
        [new(minX, minY), new(maxX, minY), new(maxX, maxY), new(minX, maxY), new(minX, minY)]);

    private static T Apply<T>(T geometry, MathTransform transform, int srid) where T : Geometry
    {
        var copy = (T)geometry.Copy();
        copy.Apply(new TransformFilter(transform));
        // The filter moves coordinates only; the SRID must follow or PostGIS reads the result in the old CRS.
        copy.SRID = srid;
        return copy;
    }

    private static MathTransform Create(CoordinateSystem source, CoordinateSystem target) =>
        new CoordinateTransformationFactory().CreateFromCoordinateSystems(source, target).MathTransform;

    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = (seq.GetX(i), seq.GetY(i));
            transform.Transform(ref x, ref y);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
