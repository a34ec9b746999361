using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <summary>
    /// student_counts becomes a table partitioned by school year, so an import replaces a year by building a fresh
    /// partition (bulk insert, then one index build) and swapping it in, instead of deleting and re-inserting rows
    /// under a live primary key. The model is unchanged; partitioning is invisible to queries.
    /// </summary>
    public partial class PartitionCountsBySchoolYear : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                alter table student_counts rename to student_counts_unpartitioned;
                alter table student_counts_unpartitioned rename constraint pk_student_counts to pk_student_counts_unpartitioned;
                alter table student_counts_unpartitioned drop constraint fk_student_counts_campuses_brin_vest;

                create table student_counts (
                    school_year character(9) collate "C" not null,
                    brin_vest character(6) collate "C" not null,
                    pc4 character(4) collate "C" not null,
                    age_band character varying(7) collate "C" not null,
                    students integer not null,
                    absence_reports integer not null,
                    students_reported integer,
                    constraint pk_student_counts primary key (school_year, brin_vest, pc4, age_band),
                    constraint fk_student_counts_campuses_brin_vest foreign key (brin_vest) references campuses (brin_vest) on delete cascade,
                    constraint ck_student_counts_age_band check (age_band in ('under18', '18plus')),
                    constraint ck_student_counts_non_negative check (students >= 0 and absence_reports >= 0),
                    constraint ck_student_counts_reported check (students_reported is null or students_reported between 0 and students)
                ) partition by list (school_year);

                -- Swaps in the counts of one school year from the session's stage_counts table, summing rows with the
                -- same key. Partition names are built here with format('%I'), never by the caller.
                create function replace_student_counts(p_year text) returns void language plpgsql as $fn$
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
                    -- A constraint matching the partition bound lets ATTACH skip its validation scan.
                    execute format('alter table %I add constraint %I check (school_year = %L)', fresh, part || '_bound', p_year);
                    execute format('drop table if exists %I', part);
                    execute format('alter table %I rename to %I', fresh, part);
                    execute format('alter table student_counts attach partition %I for values in (%L)', part, p_year);
                end
                $fn$;

                create temp table stage_counts on commit drop as select * from student_counts_unpartitioned;
                select replace_student_counts(school_year) from (select distinct school_year from stage_counts) y;
                drop table student_counts_unpartitioned;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table student_counts_unpartitioned (like student_counts including defaults including constraints);
                insert into student_counts_unpartitioned select * from student_counts;
                drop table student_counts;
                drop function replace_student_counts(text);
                alter table student_counts_unpartitioned rename to student_counts;
                alter table student_counts add constraint pk_student_counts primary key (school_year, brin_vest, pc4, age_band);
                alter table student_counts add constraint fk_student_counts_campuses_brin_vest foreign key (brin_vest) references campuses (brin_vest) on delete cascade;
                """);
        }
    }
}
