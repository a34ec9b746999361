using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <summary>
    /// The joint disclosure protection of a school year, kept with the counts it protects. It takes minutes on a national
    /// set, so it is computed once per import (and geography load, and minimum count) and read by every process of the
    /// service, instead of once per process. Only hidden cells are stored; a cell not listed is shown.
    /// </summary>
    public partial class DisclosureMasks : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table disclosure_masks (
                    id bigint generated always as identity primary key,
                    school_year character(9) not null,
                    classification_year integer not null,
                    import_id bigint not null,
                    geography_loaded_at timestamp with time zone not null,
                    minimum_count integer not null,
                    computed_at timestamp with time zone not null default now(),
                    seconds double precision not null,
                    small_counts integer not null,
                    fallbacks integer not null,
                    fingerprint text not null,
                    constraint uq_disclosure_masks_key unique (school_year, classification_year, import_id, geography_loaded_at, minimum_count)
                );
                create table disclosure_hidden_cells (
                    mask_id bigint not null references disclosure_masks (id) on delete cascade,
                    table_name text not null,
                    band text not null,
                    row_id text not null,
                    column_id text not null,
                    students boolean not null,
                    reports boolean not null
                );
                create index ix_disclosure_hidden_cells_mask on disclosure_hidden_cells (mask_id);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop table disclosure_hidden_cells; drop table disclosure_masks;");
        }
    }
}
