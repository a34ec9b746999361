namespace Verzuim.Hotspot.Api.Layers;

/// <summary>The collections served as OGC API Features and vector tiles: the only source of identifiers and SQL.</summary>
internal static class CollectionRegistry
{
    private const string CountsFilter = "sc.school_year = @school_year and (@band::text is null or sc.age_band = @band)";

    private const string ResidenceJoins = """
        student_counts sc
        left join pc4_areas p on p.classification_year = @year and p.code = sc.pc4
        left join municipalities m on m.classification_year = @year and m.code = p.municipality_code
        """;

    // The fifth column is the RMC region of the students counted (null when unknown): a key of that region sees them exactly.
    private const string ResidenceByPc4Sql = $"""
        select sc.pc4::text as row_key, ''::text as column_key, sum(sc.students)::bigint as students, sum(sc.absence_reports)::bigint as reports,
               min(m.rmc_code)::text as rmc_code
        from {ResidenceJoins} where {CountsFilter} group by sc.pc4
        """;

    private const string ResidenceByMunicipalitySql = $"""
        select p.municipality_code::text as row_key, ''::text as column_key, sum(sc.students)::bigint as students, sum(sc.absence_reports)::bigint as reports,
               min(m.rmc_code)::text as rmc_code
        from {ResidenceJoins} where {CountsFilter} group by p.municipality_code
        """;

    private const string ResidenceByRegionSql = $"""
        select m.rmc_code::text as row_key, ''::text as column_key, sum(sc.students)::bigint as students, sum(sc.absence_reports)::bigint as reports,
               m.rmc_code::text as rmc_code
        from {ResidenceJoins} where {CountsFilter} group by m.rmc_code
        """;

    private const string AttendanceSql = $"""
        select sc.brin_vest::text as row_key, ''::text as column_key, sum(sc.students)::bigint as students, sum(sc.absence_reports)::bigint as reports,
               null::text as rmc_code
        from student_counts sc where {CountsFilter} group by sc.brin_vest
        """;

    private const string FlowSql = $"""
        select m.rmc_code::text as row_key, sc.brin_vest::text as column_key, sum(sc.students)::bigint as students, sum(sc.absence_reports)::bigint as reports,
               m.rmc_code::text as rmc_code
        from {ResidenceJoins} where {CountsFilter} group by m.rmc_code, sc.brin_vest
        """;

    public static IReadOnlyList<LayerCollection> All { get; } =
    [
        new("rmc-regions", "RMC regions",
            "The RMC regions (regionale meld- en coördinatiefunctie) of the classification year, with the students living there.",
            "MultiPolygon",
            "rmc_regions r", "r.classification_year = @year", "r.code", "r.geometry",
            [
                new("rmc", "r.code", LayerPropertyType.String, "RMC region code, e.g. MC21.", Queryable: true),
                new("name", "r.name", LayerPropertyType.String, "Region name."),
                new("contactMunicipality", "r.contact_municipality_code", LayerPropertyType.String, "CBS code of the contact municipality.", Queryable: true),
                new("contactMunicipalityAssumed", "r.contact_municipality_assumed", LayerPropertyType.Boolean, "Whether the contact municipality is assumed rather than published."),
            ],
            LayerStatisticsKind.Residence, ResidenceByRegionSql),
        new("municipalities", "Municipalities",
            "The municipalities of the classification year with their RMC region, and the students living there.",
            "MultiPolygon",
            "municipalities m", "m.classification_year = @year", "m.code", "m.geometry",
            [
                new("municipality", "m.code", LayerPropertyType.String, "CBS municipality code, e.g. GM0363.", Queryable: true),
                new("name", "m.name", LayerPropertyType.String, "Municipality name.", Queryable: true),
                new("rmc", "m.rmc_code", LayerPropertyType.String, "RMC region code.", Queryable: true),
                new("population", "m.population", LayerPropertyType.Integer, "Population."),
            ],
            LayerStatisticsKind.Residence, ResidenceByMunicipalitySql),
        new("postcode-areas", "Postcode areas (PC4)",
            "Four-digit postcode areas with their municipality and RMC region, and the students living there. A few " +
            "PC4 codes have no geometry (null); students with a PC4 no area knows are counted in no feature.",
            "MultiPolygon",
            "pc4_areas p left join municipalities m on m.classification_year = p.classification_year and m.code = p.municipality_code",
            "p.classification_year = @year", "p.code", "p.geometry",
            [
                new("pc4", "p.code", LayerPropertyType.String, "Four-digit postcode.", Queryable: true),
                new("municipality", "p.municipality_code", LayerPropertyType.String, "CBS municipality code.", Queryable: true),
                new("rmc", "m.rmc_code", LayerPropertyType.String, "RMC region code.", Queryable: true),
                new("placementMethod", "p.placement_method", LayerPropertyType.String, "How the PC4 was placed in a municipality.", Queryable: true),
                new("population15To25", "p.population_15_25", LayerPropertyType.Integer, "Residents aged 15 to 25."),
            ],
            LayerStatisticsKind.Residence, ResidenceByPc4Sql),
        new("campuses", "Campuses",
            "Campuses (vestigingen) of mbo institutions with their municipality and RMC region, and the students attending.",
            "Point",
            """
            campuses c
            join institutions i on i.brin = c.brin
            left join campus_placements cp on cp.classification_year = @year and cp.brin_vest = c.brin_vest
            left join municipalities m on m.classification_year = @year and m.code = cp.municipality_code
            """,
            "true", "c.brin_vest", "c.location",
            [
                new("brinVest", "c.brin_vest", LayerPropertyType.String, "Campus code (BRIN + vestiging), e.g. 25LX00.", Queryable: true),
                new("brin", "c.brin", LayerPropertyType.String, "Institution code (BRIN), e.g. 25LX.", Queryable: true),
                new("vestiging", "c.vestiging", LayerPropertyType.String, "Vestiging number within the institution."),
                new("name", "c.name", LayerPropertyType.String, "Campus name."),
                new("institution", "i.name", LayerPropertyType.String, "Institution name."),
                new("place", "c.place", LayerPropertyType.String, "Place.", Queryable: true),
                new("isMainLocation", "c.is_main_location", LayerPropertyType.Boolean, "Whether this is the institution's main location.", Queryable: true),
                new("municipality", "cp.municipality_code", LayerPropertyType.String, "CBS municipality code of the campus.", Queryable: true),
                new("rmc", "m.rmc_code", LayerPropertyType.String, "RMC region of the campus.", Queryable: true),
            ],
            LayerStatisticsKind.Attendance, AttendanceSql),
        new("flow-lines", "Flow lines",
            "Lines from the representative point of the RMC region where students live to the campus they attend, one " +
            "per region and campus with students in the chosen school year and age band. Empty when no counts are loaded.",
            "LineString",
            """
            unnest(@flow_rmc::text[], @flow_campus::text[]) as f(rmc, brin_vest)
            join rmc_regions r on r.classification_year = @year and r.code = f.rmc
            join campuses c on c.brin_vest = f.brin_vest
            """,
            "true", "f.rmc || '-' || f.brin_vest", "ST_MakeLine(r.representative_point, c.location)",
            [
                new("rmc", "f.rmc", LayerPropertyType.String, "RMC region where the students live.", Queryable: true),
                new("regionName", "r.name", LayerPropertyType.String, "Name of that region."),
                new("brinVest", "c.brin_vest", LayerPropertyType.String, "Campus attended (BRIN + vestiging).", Queryable: true),
                new("brin", "c.brin", LayerPropertyType.String, "Institution attended (BRIN).", Queryable: true),
                new("campusName", "c.name", LayerPropertyType.String, "Campus name."),
            ],
            LayerStatisticsKind.Flow, FlowSql),
    ];

    public static LayerCollection? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    /// <summary>Whether the geography load stores the collection's polygons per zoom band (generalised_areas, layer = id).</summary>
    public static bool HasGeneralisedAreas(LayerCollection collection) =>
        collection.Id is "rmc-regions" or "municipalities" or "postcode-areas";
}
