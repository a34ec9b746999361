namespace Verzuim.Hotspot.Api.Packs;

/// <summary>
/// The stored RD New geometry as SVG path data. ST_AsSVG writes y as -y, so north is up in SVG's downward y axis,
/// and one SVG unit is one metre, which keeps the scale bar exact.
/// </summary>
internal static class PackSql
{
    public const double ToleranceM = 400;

    public const string RegionPaths = """
        select r.code, r.name, ST_AsSVG(ST_SimplifyPreserveTopology(r.geometry, @tolerance), 0, 0) as path
        from rmc_regions r
        where r.classification_year = @year
        order by r.code
        """;

    public const string Extent = """
        select ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
        from (select ST_Extent(geometry) as e from rmc_regions where classification_year = @year) x
        """;

    public const string CampusPoints = """
        select c.brin_vest, c.brin, ST_X(c.location), ST_Y(c.location)
        from campuses c
        where c.location is not null
        order by c.brin_vest
        """;
}
