namespace Verzuim.Hotspot.Api.Import;

/// <summary>
/// The spatial work of the geography load, done by PostGIS on staging tables. Parameter @year is the
/// classification year; the staging tables live for one transaction.
/// </summary>
internal static class GeographyLoadSql
{
    public const string CreateStaging = """
        create temp table stage_municipality (code text primary key, name text not null, geom geometry not null) on commit drop;
        create temp table stage_municipality_region (code text primary key, rmc_code text not null, population int) on commit drop;
        create temp table stage_region (code text primary key, name text not null) on commit drop;
        create temp table stage_contact (rmc_code text primary key, municipality_code text not null) on commit drop;
        create temp table stage_pc4_shape (pc4 text primary key, geom geometry not null) on commit drop;
        create temp table stage_pc4_addresses (pc4 text, municipality_code text, addresses int, share double precision, primary key (pc4, municipality_code)) on commit drop;
        create temp table stage_pc4_population (pc4 text primary key, population int) on commit drop;
        create temp table stage_institution (brin text primary key, name text not null, website text) on commit drop;
        create temp table stage_campus (brinvest text primary key, brin text not null, vestiging text not null, institution_name text not null,
            name text not null, address text, postcode text, place text, x double precision, y double precision, is_main boolean not null) on commit drop;
        """;

    /// <summary>Problems that make the load impossible; each row is one message. Nothing is written when any is found.</summary>
    public const string Inconsistencies = """
        select 'municipality ' || m.code || ' has no RMC region in the membership table' from stage_municipality m
          where not exists (select 1 from stage_municipality_region r where r.code = m.code)
        union all
        select 'membership names municipality ' || r.code || ', which has no polygon' from stage_municipality_region r
          where not exists (select 1 from stage_municipality m where m.code = r.code)
        union all
        select 'membership names RMC region ' || r.rmc_code || ', which the region table lacks' from stage_municipality_region r
          where not exists (select 1 from stage_region g where g.code = r.rmc_code)
        union all
        select 'RMC region ' || g.code || ' has no member municipality' from stage_region g
          where not exists (select 1 from stage_municipality_region r where r.rmc_code = g.code)
        union all
        select 'contact municipality ' || c.municipality_code || ' is not a member of ' || c.rmc_code from stage_contact c
          where not exists (select 1 from stage_municipality_region r where r.code = c.municipality_code and r.rmc_code = c.rmc_code)
        """;

    public const string DeleteYear = """
        delete from generalised_areas where classification_year = @year;
        delete from campus_placements where classification_year = @year;
        delete from pc4_areas where classification_year = @year;
        delete from geography_loads where classification_year = @year;
        delete from rmc_regions where classification_year = @year;
        """;

    /// <summary>Regions are dissolved from their member municipalities, so the two layers share every boundary.</summary>
    public const string InsertRegions = """
        with valid as (
            select m.code, r.rmc_code, r.population, ST_CollectionExtract(ST_MakeValid(m.geom), 3) as geom
            from stage_municipality m join stage_municipality_region r on r.code = m.code
        ), dissolved as (
            select rmc_code, ST_Multi(ST_CollectionExtract(ST_Union(geom), 3)) as geom from valid group by rmc_code
        ), largest as (
            select distinct on (rmc_code) rmc_code, code from valid order by rmc_code, population desc nulls last, code
        )
        insert into rmc_regions (classification_year, code, name, contact_municipality_code, contact_municipality_assumed, geometry, representative_point)
        select @year, g.code, g.name, coalesce(c.municipality_code, l.code), c.municipality_code is null, d.geom, ST_PointOnSurface(d.geom)
        from stage_region g
        join dissolved d on d.rmc_code = g.code
        join largest l on l.rmc_code = g.code
        left join stage_contact c on c.rmc_code = g.code
        """;

    public const string InsertMunicipalities = """
        insert into municipalities (classification_year, code, name, rmc_code, population, geometry)
        select @year, m.code, m.name, r.rmc_code, r.population, ST_Multi(ST_CollectionExtract(ST_MakeValid(m.geom), 3))
        from stage_municipality m join stage_municipality_region r on r.code = m.code
        """;

    /// <summary>
    /// Every PC4 known to any source is kept. Its municipality is the one with most of its addresses where the
    /// crosswalk knows it, else the one it overlaps most; otherwise it stays unplaced (and is reported).
    /// </summary>
    public const string InsertPc4Areas = """
        with codes as (
            select pc4 from stage_pc4_shape union select pc4 from stage_pc4_addresses union select pc4 from stage_pc4_population
        ), shapes as (
            select pc4, case when ST_IsEmpty(geom) then null else ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) end as geom
            from stage_pc4_shape
        ), by_addresses as (
            select distinct on (a.pc4) a.pc4, a.municipality_code, a.share
            from stage_pc4_addresses a
            join municipalities m on m.classification_year = @year and m.code = a.municipality_code
            order by a.pc4, a.addresses desc, a.municipality_code
        )
        insert into pc4_areas (classification_year, code, geometry, representative_point, municipality_code, placement_method, address_share, population_15_25)
        select @year, c.pc4, s.geom, ST_PointOnSurface(s.geom),
               coalesce(a.municipality_code, o.code),
               case when a.municipality_code is not null then 'Addresses' when o.code is not null then 'LargestOverlap' else 'Unplaced' end,
               a.share, p.population
        from codes c
        left join shapes s on s.pc4 = c.pc4
        left join by_addresses a on a.pc4 = c.pc4
        left join stage_pc4_population p on p.pc4 = c.pc4
        left join lateral (
            select m.code from municipalities m
            where a.municipality_code is null and s.geom is not null
              and m.classification_year = @year and ST_Intersects(m.geometry, s.geom)
            order by ST_Area(ST_Intersection(m.geometry, s.geom)) desc, m.code
            limit 1
        ) o on true
        """;

    /// <summary>
    /// The polygons the map layers draw, per zoom band, made once here rather than on every fresh tile or page: each
    /// even zoom up to <see cref="Geography.GeneralisedArea.MaxTileBand"/> simplified to one tile unit of that zoom
    /// (in RD New, as the tile query used to do per request) and projected to Web Mercator; and full detail projected
    /// to WGS84 and oriented by the right-hand rule, as GeoJSON items send it.
    /// </summary>
    public const string InsertGeneralisedAreas = """
        with areas as (
            select 'rmc-regions'::text as layer, code::text as code, geometry from rmc_regions where classification_year = @year
            union all
            select 'municipalities', code::text, geometry from municipalities where classification_year = @year
            union all
            select 'postcode-areas', code::text, geometry from pc4_areas where classification_year = @year and geometry is not null
        ), bands as (
            select * from unnest(@bands::smallint[], @tolerances::float8[]) as b(band, tolerance)
        )
        insert into generalised_areas (classification_year, layer, code, band, mercator, wgs84)
        select @year, a.layer, a.code, b.band,
               ST_Multi(ST_CollectionExtract(ST_Transform(ST_SimplifyPreserveTopology(a.geometry, b.tolerance), 3857), 3)), null
        from areas a cross join bands b
        union all
        select @year, a.layer, a.code, @full, ST_Multi(ST_Transform(a.geometry, 3857)), ST_ForcePolygonCCW(ST_Transform(a.geometry, 4326))
        from areas a
        """;

    public const string UpsertInstitutionsAndCampuses = """
        insert into institutions (brin, name, website)
        select brin, name, website from stage_institution
        union all
        select distinct on (c.brin) c.brin, c.institution_name, null from stage_campus c
        where not exists (select 1 from stage_institution i where i.brin = c.brin)
        on conflict (brin) do update set name = excluded.name, website = excluded.website;

        insert into campuses (brin_vest, brin, vestiging, name, address, postcode, place, is_main_location, location)
        select brinvest, brin, vestiging, name, address, postcode, place, is_main,
               case when x is not null and y is not null then ST_SetSRID(ST_MakePoint(x, y), 28992) end
        from stage_campus
        on conflict (brin_vest) do update set brin = excluded.brin, vestiging = excluded.vestiging, name = excluded.name,
            address = excluded.address, postcode = excluded.postcode, place = excluded.place,
            is_main_location = excluded.is_main_location, location = excluded.location;
        """;

    /// <summary>
    /// A campus lies where its point lies, unless the point is missing or falls in a municipality that holds none of
    /// its postcode's addresses: then the postcode decides (registered coordinates are sometimes plain wrong).
    /// </summary>
    public const string InsertCampusPlacements = """
        with point_in as (
            select c.brin_vest, (
                select m.code from municipalities m
                where m.classification_year = @year and ST_Intersects(m.geometry, c.location) order by m.code limit 1
            ) as code
            from campuses c join stage_campus s on s.brinvest = c.brin_vest
        ), by_postcode as (
            select c.brin_vest, p.code as pc4, p.municipality_code as code,
                   exists (select 1 from stage_pc4_addresses a where a.pc4 = p.code) as has_addresses
            from campuses c join pc4_areas p on p.classification_year = @year and p.code = left(c.postcode, 4)
        ), decided as (
            select i.brin_vest, i.code as point_code, b.code as postcode_code, b.pc4,
                   i.code is not null and (b.code is null or i.code = b.code or not b.has_addresses
                       or exists (select 1 from stage_pc4_addresses a where a.pc4 = b.pc4 and a.municipality_code = i.code)) as point_agrees
            from point_in i left join by_postcode b on b.brin_vest = i.brin_vest
        )
        insert into campus_placements (classification_year, brin_vest, municipality_code, method, note)
        select @year, brin_vest,
               case when point_agrees then point_code else postcode_code end,
               case when point_agrees then 'PointInPolygon' when postcode_code is not null then 'Postcode' else 'Unplaced' end,
               case
                   when point_agrees then null
                   when postcode_code is null then 'no usable point and no known postcode'
                   when point_code is null then 'no point inside a municipality; placed by postcode ' || pc4
                   else 'point lies in ' || point_code || ' but postcode ' || pc4 || ' lies in ' || postcode_code || '; placed by postcode'
               end
        from decided
        """;

    public const string ReportPc4EmptyGeometry = "select pc4 from stage_pc4_shape where ST_IsEmpty(geom) order by pc4";

    public const string ReportPc4WithoutGeometry = """
        select code from pc4_areas p where classification_year = @year and geometry is null
          and not exists (select 1 from stage_pc4_shape s where s.pc4 = p.code) order by code
        """;

    public const string ReportPc4Unplaced = "select code from pc4_areas where classification_year = @year and placement_method = 'Unplaced' order by code";

    public const string ReportCampusesByPostcode = """
        select brin_vest || ': ' || note from campus_placements where classification_year = @year and method = 'Postcode' order by brin_vest
        """;

    public const string ReportCampusesUnplaced = """
        select brin_vest || ': ' || note from campus_placements where classification_year = @year and method = 'Unplaced' order by brin_vest
        """;
}
