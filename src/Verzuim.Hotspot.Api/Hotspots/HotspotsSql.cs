namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// The SQL of the hotspot, outlier and trend endpoints. Parameters: @year (classification year), @school_year,
/// @age_band (null = both bands), @tolerance (simplification in RD metres).
/// </summary>
internal static class HotspotsSql
{
    /// <summary>The municipalities of a year: the areas of the municipality level.</summary>
    public const string MunicipalityAreas = """
        select code, not ST_IsEmpty(geometry) as has_geometry
        from municipalities
        where classification_year = @year
        order by code
        """;

    /// <summary>Placed PC4 areas (with a municipality); 5028-like codes without one are "unplaced", not an area.</summary>
    public const string Pc4Areas = """
        select code, geometry is not null and not ST_IsEmpty(geometry) as has_geometry
        from pc4_areas
        where classification_year = @year and municipality_code is not null
        order by code
        """;

    /// <summary>
    /// Queen contiguity: polygons that share at least one point. The bounding-box overlap test lets the GiST index pick the candidate
    /// pairs; each pair comes once (a &lt; b).
    /// </summary>
    public const string MunicipalityPairs = """
        select a.code, b.code
        from municipalities a
        join municipalities b
          on b.classification_year = a.classification_year
         and a.geometry && b.geometry
         and a.code < b.code
         and ST_Intersects(a.geometry, b.geometry)
        where a.classification_year = @year
        """;

    public const string Pc4Pairs = """
        select a.code, b.code
        from pc4_areas a
        join pc4_areas b
          on b.classification_year = a.classification_year
         and a.geometry && b.geometry
         and a.code < b.code
         and ST_Intersects(a.geometry, b.geometry)
        where a.classification_year = @year
          and a.municipality_code is not null and b.municipality_code is not null
        """;

    /// <summary>When the geography of a year was last loaded: the contiguity cache is stale after a reload.</summary>
    public const string GeographyLoadedAt = """
        select loaded_at from geography_loads where classification_year = @year
        """;

    /// <summary>Students and reports per municipality of residence (all campuses); municipalities without students give 0.</summary>
    public const string MunicipalityCounts = """
        with counts as (
            select pc4, sum(students)::bigint as students, sum(absence_reports)::bigint as reports
            from student_counts
            where school_year = @school_year and (@age_band::text is null or age_band = @age_band)
            group by pc4)
        select m.code, m.name, coalesce(sum(c.students), 0)::bigint as students, coalesce(sum(c.reports), 0)::bigint as reports
        from municipalities m
        left join pc4_areas p on p.classification_year = m.classification_year and p.municipality_code = m.code
        left join counts c on c.pc4 = p.code
        where m.classification_year = @year
        group by m.code, m.name
        order by m.code
        """;

    /// <summary>Students and reports per placed PC4 of residence; the name is its municipality's.</summary>
    public const string Pc4Counts = """
        with counts as (
            select pc4, sum(students)::bigint as students, sum(absence_reports)::bigint as reports
            from student_counts
            where school_year = @school_year and (@age_band::text is null or age_band = @age_band)
            group by pc4)
        select p.code, m.name, coalesce(c.students, 0)::bigint as students, coalesce(c.reports, 0)::bigint as reports
        from pc4_areas p
        join municipalities m on m.classification_year = p.classification_year and m.code = p.municipality_code
        left join counts c on c.pc4 = p.code
        where p.classification_year = @year
        order by p.code
        """;

    /// <summary>WGS84 GeoJSON (6 decimals, about 0.1 m) of the simplified polygons, always MultiPolygon; null where an area has none.</summary>
    public const string MunicipalityGeoJson = """
        select code, ST_AsGeoJSON(ST_Multi(ST_Transform(ST_SimplifyPreserveTopology(geometry, @tolerance), 4326)), 6) as geojson
        from municipalities
        where classification_year = @year
        """;

    public const string Pc4GeoJson = """
        select code, ST_AsGeoJSON(ST_Multi(ST_Transform(ST_SimplifyPreserveTopology(geometry, @tolerance), 4326)), 6) as geojson
        from pc4_areas
        where classification_year = @year and municipality_code is not null
        """;

    /// <summary>
    /// Counts per campus x RMC region of residence x age band, with names: the rows the funnel-plot units (cell,
    /// campus, institution) and the trends (region, institution) are summed from. Residents of an unplaced PC4 have
    /// a null region; they count for campus, institution and the national rate, never for a region or cell.
    /// </summary>
    public const string CampusRegionCounts = """
        select sc.brin_vest, c.brin, i.name as institution_name, c.name as campus_name, c.place,
               m.rmc_code, r.name as rmc_name, sc.age_band,
               sum(sc.students)::bigint as students, sum(sc.absence_reports)::bigint as reports
        from student_counts sc
        join campuses c on c.brin_vest = sc.brin_vest
        join institutions i on i.brin = c.brin
        left join pc4_areas p on p.classification_year = @year and p.code = sc.pc4
        left join municipalities m on m.classification_year = @year and m.code = p.municipality_code
        left join rmc_regions r on r.classification_year = @year and r.code = m.rmc_code
        where sc.school_year = @school_year and (@age_band::text is null or sc.age_band = @age_band)
        group by sc.brin_vest, c.brin, i.name, c.name, c.place, m.rmc_code, r.name, sc.age_band
        """;
}
