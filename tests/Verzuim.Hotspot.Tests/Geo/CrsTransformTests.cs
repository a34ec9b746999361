using NetTopologySuite.Geometries;
using Verzuim.Hotspot.Api.Geo;
using Verzuim.Hotspot.Tests.Infrastructure;
using Verzuim.Hotspot.Tests.Layers;

namespace Verzuim.Hotspot.Tests.Geo;

public sealed class CrsTransformTests(PostGisFixture postGis)
{
    // Places across the country and its corners, lon/lat: the Dam, Groningen, Maastricht, Vlissingen, Enschede,
    // Den Helder, Eemshaven, Cadzand, Vaals and a point at sea off Texel.
    public static TheoryData<double, double> Places => new()
    {
        { 4.8932, 52.3731 }, { 6.5665, 53.2194 }, { 5.6909, 50.8514 }, { 3.5736, 51.4426 }, { 6.8937, 52.2215 },
        { 4.7593, 52.9563 }, { 6.8350, 53.4400 }, { 3.3800, 51.3700 }, { 6.0190, 50.7540 }, { 4.5000, 53.2000 },
    };

    private static double MetresBetween((double Lon, double Lat) a, (double Lon, double Lat) b) =>
        Math.Sqrt(Math.Pow((a.Lat - b.Lat) * 111_320, 2) + Math.Pow((a.Lon - b.Lon) * 111_320 * Math.Cos(a.Lat * Math.PI / 180), 2));

    [Fact]
    public void The_RD_Origin_Lies_At_Its_Published_WGS84_Position_Not_At_Its_Bessel_One()
    {
        // Act: RD (155000, 463000) is the Amersfoort origin.
        var origin = CrsTransform.ToWgs84(155_000, 463_000);

        // Assert: within 2 m of 52.15517 N, 5.38721 E; the Bessel coordinates (no datum shift) are about 100 m away.
        Assert.InRange(MetresBetween(origin, (5.38721, 52.15517)), 0, 2);
        Assert.InRange(MetresBetween(origin, (5.38763889, 52.15616056)), 90, 130);
    }

    [Theory]
    [MemberData(nameof(Places))]
    public async Task Lon_Lat_To_RD_Agrees_With_PostGis_Within_1_Metre(double lon, double lat)
    {
        // Arrange
        var x = await postGis.ScalarAsync<double>("select ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 4326), 28992))", lon, lat);
        var y = await postGis.ScalarAsync<double>("select ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 4326), 28992))", lon, lat);

        // Act
        var rd = CrsTransform.ToRd(lon, lat);

        // Assert
        Assert.InRange(Math.Sqrt(Math.Pow(rd.X - x, 2) + Math.Pow(rd.Y - y, 2)), 0, 1);
    }

    [Theory]
    [InlineData(155_000, 463_000)]
    [InlineData(13_000, 372_000)]
    [InlineData(280_000, 610_000)]
    [InlineData(190_000, 310_000)]
    [InlineData(100_000, 560_000)]
    [InlineData(258_000, 470_000)]
    public async Task RD_To_Lon_Lat_Agrees_With_PostGis_Within_1_Metre_And_Round_Trips(double x, double y)
    {
        // Arrange
        var lon = await postGis.ScalarAsync<double>("select ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 28992), 4326))", x, y);
        var lat = await postGis.ScalarAsync<double>("select ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 28992), 4326))", x, y);

        // Act
        var wgs84 = CrsTransform.ToWgs84(x, y);
        var back = CrsTransform.ToRd(wgs84.Lon, wgs84.Lat);

        // Assert: a 2D datum shift drops the ellipsoidal height each way, which costs about 1.5 cm on a round trip.
        Assert.InRange(MetresBetween(wgs84, (lon, lat)), 0, 1);
        Assert.InRange(Math.Abs(back.X - x) + Math.Abs(back.Y - y), 0, 0.05);
    }

    [Fact]
    public void A_Transformed_Geometry_Carries_The_New_Srid_And_Leaves_The_Original_Alone()
    {
        // Arrange
        var dam = new Point(4.8932, 52.3731) { SRID = 4326 };

        // Act
        var rd = CrsTransform.ToRd(dam);
        var back = CrsTransform.ToWgs84(rd);

        // Assert
        Assert.Equal(28992, rd.SRID);
        Assert.Equal(4326, back.SRID);
        Assert.Equal(CrsTransform.ToRd(4.8932, 52.3731), (rd.X, rd.Y));
        Assert.Equal((4.8932, 52.3731), (dam.X, dam.Y));
        Assert.InRange(Math.Abs(back.X - 4.8932) + Math.Abs(back.Y - 52.3731), 0, 1e-6);
    }

    [Theory]
    [InlineData(4.85, 52.33, 4.95, 52.40)]
    [InlineData(3.2, 50.75, 7.22, 53.7)]
    [InlineData(5.0, 52.0, 5.2, 52.1)]
    [InlineData(6.9, 53.3, 7.5, 53.6)]
    public async Task A_Lon_Lat_Bbox_Becomes_An_RD_Polygon_Whose_Envelope_Contains_What_PostGis_Makes_Of_The_Box(
        double minLon, double minLat, double maxLon, double maxLat)
    {
        // Act
        var area = CrsTransform.BboxToRd(minLon, minLat, maxLon, maxLat)!;
        var e = area.EnvelopeInternal;

        // Assert: PostGIS's own transform of the box, densified finely, lies inside the envelope (give or take the
        // centimetres a chord differs from the curve) and covers nearly the same area as the polygon.
        Assert.True(await postGis.ScalarAsync<bool>("""
            select ST_Covers(ST_MakeEnvelope(@p0 - 1, @p1 - 1, @p2 + 1, @p3 + 1, 28992),
                             ST_Transform(ST_Segmentize(ST_MakeEnvelope(@p4, @p5, @p6, @p7, 4326), 0.001), 28992))
            """, e.MinX, e.MinY, e.MaxX, e.MaxY, minLon, minLat, maxLon, maxLat));
        var symmetricDifference = await postGis.ScalarAsync<double>("""
            select ST_Area(ST_SymDifference(@p0, ST_Transform(ST_Segmentize(ST_MakeEnvelope(@p1, @p2, @p3, @p4, 4326), 0.001), 28992)))
                 / ST_Area(@p0)
            """, area, minLon, minLat, maxLon, maxLat);
        Assert.InRange(symmetricDifference, 0, 1e-4);
        Assert.Equal(28992, area.SRID);
        Assert.True(area.NumPoints >= (4 * CrsTransform.MinimumPointsPerSide) + 1);
    }

    [Fact]
    public void A_Bbox_Is_Clipped_To_The_Netherlands_And_One_Wholly_Abroad_Has_No_RD_Polygon()
    {
        var world = CrsTransform.BboxToRd(-180, -90, 180, 90)!;
        var region = CrsTransform.BboxToRd(RdNew.Region.MinX, RdNew.Region.MinY, RdNew.Region.MaxX, RdNew.Region.MaxY)!;

        Assert.Equal(region.EnvelopeInternal, world.EnvelopeInternal);
        Assert.True(double.IsFinite(world.Area));
        Assert.Null(CrsTransform.BboxToRd(100, 0, 110, 10));
    }

    [Fact]
    public async Task Transforms_Running_On_Many_Threads_At_Once_Give_The_Same_Answers_As_One_Thread()
    {
        // Arrange: a grid over the country, transformed on one thread.
        var points = Enumerable.Range(0, 4000).Select(i => (Lon: 3.3 + (i % 80 * 0.05), Lat: 50.8 + (i / 80 * 0.055))).ToArray();
        var expected = points.Select(p => CrsTransform.ToWgs84(CrsTransform.ToRd(p.Lon, p.Lat).X, CrsTransform.ToRd(p.Lon, p.Lat).Y)).ToArray();

        // Act: the same points on eight threads, round and round.
        var actual = new (double, double)[points.Length];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = t; i < points.Length; i += 8)
                {
                    var rd = CrsTransform.ToRd(points[i].Lon, points[i].Lat);
                    actual[i] = CrsTransform.ToWgs84(rd.X, rd.Y);
                }
            }
        }, TestContext.Current.CancellationToken)));

        // Assert
        Assert.Equal(expected, actual);
    }
}
