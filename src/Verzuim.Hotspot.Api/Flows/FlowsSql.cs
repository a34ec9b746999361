namespace Verzuim.Hotspot.Api.Flows;

/// <summary>
/// The set-based half of the flows: counts summed per (region of residence, campus) in PostGIS; institution cells are
/// the sums of their campuses' (in C#, over a few thousand cells), so the two linked tables agree exactly.
/// A null region is the unplaced row: postcodes the geography does not know, or knows but cannot place.
/// </summary>
internal static class FlowsSql
{
    public const string CellsByCampus = """
        select m.rmc_code as region, s.brin_vest::text as col, sum(s.students)::bigint as students, sum(s.absence_reports)::bigint as reports
        from student_counts s
        left join pc4_areas p on p.classification_year = @year and p.code = s.pc4
        left join municipalities m on m.classification_year = @year and m.code = p.municipality_code
        where s.school_year = @school_year and (@age_band::text is null or s.age_band = @age_band)
        group by m.rmc_code, s.brin_vest
        """;

    /// <summary>Every region of the year, with its contact municipality and its representative point in WGS84.</summary>
    public const string Regions = """
        select r.code, r.name, r.contact_municipality_code, coalesce(cm.name, r.contact_municipality_code), r.contact_municipality_assumed,
               ST_X(ST_Transform(r.representative_point, 4326)), ST_Y(ST_Transform(r.representative_point, 4326))
        from rmc_regions r
        left join municipalities cm on cm.classification_year = r.classification_year and cm.code = r.contact_municipality_code
        where r.classification_year = @year
        order by r.code
        """;

    /// <summary>Institutions with one point each: the main campus, else the first campus, that has a location.</summary>
    public const string Institutions = """
        select i.brin::text, i.name, i.brin::text, i.name, null::text, null::text,
               ST_X(ST_Transform(pt.location, 4326)), ST_Y(ST_Transform(pt.location, 4326))
        from institutions i
        left join lateral (
            select c.location from campuses c
            where c.brin = i.brin and c.location is not null
            order by c.is_main_location desc, c.brin_vest
            limit 1) pt on true
        order by i.brin
        """;

    /// <summary>Campuses with their institution and the RMC region the campus itself lies in.</summary>
    public const string Campuses = """
        select c.brin_vest::text, c.name, c.brin::text, i.name, r.code, r.name,
               ST_X(ST_Transform(c.location, 4326)), ST_Y(ST_Transform(c.location, 4326))
        from campuses c
        join institutions i on i.brin = c.brin
        left join campus_placements p on p.classification_year = @year and p.brin_vest = c.brin_vest
        left join municipalities m on m.classification_year = @year and m.code = p.municipality_code
        left join rmc_regions r on r.classification_year = @year and r.code = m.rmc_code
        order by c.brin_vest
        """;
}
