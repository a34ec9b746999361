using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;

namespace Verzuim.Hotspot.Api.Geo;

/// <summary>RD New (EPSG:28992), the CRS every geometry is stored in, and WGS84 beside it; parsed once.</summary>
internal static class RdNew
{
    public const int Srid = 28992;
    public const int Wgs84Srid = 4326;

    // Without TOWGS84 ProjNet applies no datum shift from Bessel to WGS84 and every answer is about 100 m off.
    // The seven parameters are the ones PostGIS's spatial_ref_sys gives for 28992, so that both sides agree.
    private const string Wkt = """
        PROJCS["Amersfoort / RD New",
            GEOGCS["Amersfoort",
                DATUM["Amersfoort",
                    SPHEROID["Bessel 1841",6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],
                    TOWGS84[565.2369,50.0087,465.658,-0.406857,0.350733,-1.87035,4.0812],
                    AUTHORITY["EPSG","6289"]],
                PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],
                UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],
                AUTHORITY["EPSG","4289"]],
            PROJECTION["Oblique_Stereographic"],
            PARAMETER["latitude_of_origin",52.15616055555555],
            PARAMETER["central_meridian",5.38763888888889],
            PARAMETER["scale_factor",0.9999079],
            PARAMETER["false_easting",155000],
            PARAMETER["false_northing",463000],
            UNIT["metre",1,AUTHORITY["EPSG","9001"]],
            AXIS["Easting",EAST],
            AXIS["Northing",NORTH],
            AUTHORITY["EPSG","28992"]]
        """;

    public static readonly ProjectedCoordinateSystem CoordinateSystem =
        (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Wkt);

    public static readonly GeographicCoordinateSystem Wgs84 = GeographicCoordinateSystem.WGS84;

    /// <summary>
    /// Lon/lat around the Netherlands with its 12-mile coastal zone and a wide margin: every stored geometry lies inside,
    /// and RD New projects it without distortion worth the name. Input outside is clipped to it or answered without a query.
    /// </summary>
    public static readonly Envelope Region = new(2.0, 8.5, 50.0, 54.5);

    /// <summary>The RD New grid (x, y in metres) that RDNAPTRANS defines; coordinates outside are not RD coordinates.</summary>
    public static readonly Envelope Grid = new(-7_000, 300_000, 289_000, 629_000);
}
