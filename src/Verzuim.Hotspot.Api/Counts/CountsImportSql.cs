namespace Verzuim.Hotspot.Api.Counts;

/// <summary>The set-based half of a counts import; @year is the classification year used to place postcodes.</summary>
internal static class CountsImportSql
{
    public const string CreateStaging = """
        create temp table stage_counts (
            school_year char(9) not null, brin_vest char(6) not null, pc4 char(4) not null, age_band text not null,
            students int not null, absence_reports int not null, students_reported int
        ) on commit drop
        """;

    public const string Copy = """
        copy stage_counts (school_year, brin_vest, pc4, age_band, students, absence_reports, students_reported) from stdin (format binary)
        """;

    /// <summary>Imports queue behind each other here; readers are never blocked (they keep the old snapshot).</summary>
    public const string SerializeImports = "select pg_advisory_xact_lock(hashtext('verzuim.hotspot.counts-import'))";

    public const string Replace = """
        create temp table import_years on commit drop as
            select y.school_year, exists (select 1 from student_counts c where c.school_year = y.school_year) as existed
            from (select distinct school_year from stage_counts) y;
        delete from student_counts where school_year in (select school_year from import_years);
        insert into student_counts (school_year, brin_vest, pc4, age_band, students, absence_reports, students_reported)
        select school_year, brin_vest, pc4, age_band, sum(students), sum(absence_reports),
               case when count(students_reported) = count(*) then sum(students_reported) end
        from stage_counts
        group by school_year, brin_vest, pc4, age_band;
        """;

    public const string Totals = """
        select count(*), (select count(*) from (select 1 from stage_counts group by school_year, brin_vest, pc4, age_band) g),
               coalesce(sum(students), 0), coalesce(sum(absence_reports), 0)
        from stage_counts
        """;

    public const string Years = "select school_year, existed from import_years order by school_year";

    public const string PlacedPerRegion = """
        select r.code, r.name, sum(s.students)::bigint, sum(s.absence_reports)::bigint
        from stage_counts s
        join pc4_areas p on p.classification_year = @year and p.code = s.pc4
        join municipalities m on m.classification_year = @year and m.code = p.municipality_code
        join rmc_regions r on r.classification_year = @year and r.code = m.rmc_code
        group by r.code, r.name order by r.code
        """;

    /// <summary>Postcodes the geography does not know, or knows but cannot place.</summary>
    public const string Unplaced = """
        select s.pc4, sum(s.students)::bigint, sum(s.absence_reports)::bigint
        from stage_counts s
        left join pc4_areas p on p.classification_year = @year and p.code = s.pc4
        where p.municipality_code is null
        group by s.pc4 order by s.pc4
        """;

    public const string RecordImport = """
        insert into counts_imports (imported_at, dataset, synthetic, school_years, rows_read, students, absence_reports)
        values (now(), @dataset, @synthetic, (select array_agg(school_year::text order by school_year) from import_years), @rows, @students, @reports)
        returning id
        """;

    public const string RecordDatasets = """
        insert into school_year_datasets (school_year, dataset, synthetic, import_id)
        select school_year, @dataset, @synthetic, @import from import_years
        on conflict (school_year) do update set dataset = excluded.dataset, synthetic = excluded.synthetic, import_id = excluded.import_id
        """;
}
