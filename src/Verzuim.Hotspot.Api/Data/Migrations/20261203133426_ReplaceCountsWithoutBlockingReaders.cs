using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <summary>
    /// Re-importing a school year no longer drops its partition. Dropping one takes an ACCESS EXCLUSIVE lock on
    /// student_counts until the import commits, and while it waits for running readers every new reader queues behind
    /// it: under load, requests waited past their command timeout. A new school year still gets a fresh partition,
    /// attached under a lock readers do not conflict with; a year already there is replaced row by row (MVCC), so
    /// readers keep their snapshot and are never blocked.
    /// </summary>
    public partial class ReplaceCountsWithoutBlockingReaders : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create or replace function replace_student_counts(p_year text) returns void language plpgsql as $fn$
                declare
                    part text := 'student_counts_' || replace(p_year, '-', '_');
                    aggregated text := 'select school_year, brin_vest, pc4, age_band, sum(students), sum(absence_reports),
                            case when count(students_reported) = count(*) then sum(students_reported) end
                        from stage_counts where school_year = $1
                        group by school_year, brin_vest, pc4, age_band order by school_year, brin_vest, pc4, age_band';
                begin
                    if p_year !~ '^\d{4}-\d{4}$' then
                        raise exception 'not a school year: %', p_year;
                    end if;
                    if to_regclass(part) is not null then
                        execute format('delete from %I', part);
                        execute format('insert into %I ', part) || aggregated using p_year;
                        return;
                    end if;
                    execute format('create table %I (like student_counts including defaults including constraints)', part);
                    execute format('insert into %I ', part) || aggregated using p_year;
                    -- A constraint matching the partition bound lets ATTACH skip its validation scan. ATTACH takes
                    -- SHARE UPDATE EXCLUSIVE on student_counts, which readers (ACCESS SHARE) do not wait for.
                    execute format('alter table %I add constraint %I check (school_year = %L)', part, part || '_bound', p_year);
                    execute format('alter table student_counts attach partition %I for values in (%L)', part, p_year);
                end
                $fn$;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create or replace function replace_student_counts(p_year text) returns void language plpgsql as $fn$
                declare
                    part text := 'student_counts_' || replace(p_year, '-', '_');
                    fresh text := part || '_next';
                begin
                    if p_year !~ '^\d{4}-\d{4}$' then
                        raise exception 'not a school year: %', p_year;
                    end if;
                    execute format('create table %I (like student_counts including defaults including constraints)', fresh);
                    execute format('insert into %I select school_year, brin_vest, pc4, age_band, sum(students), sum(absence_reports),
                            case when count(students_reported) = count(*) then sum(students_reported) end
                        from stage_counts where school_year = $1
                        group by school_year, brin_vest, pc4, age_band order by school_year, brin_vest, pc4, age_band', fresh) using p_year;
                    execute format('alter table %I add constraint %I check (school_year = %L)', fresh, part || '_bound', p_year);
                    execute format('drop table if exists %I', part);
                    execute format('alter table %I rename to %I', fresh, part);
                    execute format('alter table student_counts attach partition %I for values in (%L)', part, p_year);
                end
                $fn$;
                """);
        }
    }
}
