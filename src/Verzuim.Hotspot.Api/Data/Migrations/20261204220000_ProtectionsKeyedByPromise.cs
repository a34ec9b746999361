using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <summary>
    /// Keys each stored protection by what it promises as well (against the public alone, or against every RMC key
    /// holder too; <c>Disclosure:ProtectAgainstKeyHolders</c>). Before, a process found the stored protection of the
    /// current counts whatever setting computed it: after that setting was turned on, or with two services of different
    /// settings on one database, a protection against the public alone could be published where RMC keys are issued.
    /// Stored protections do not say what they promised, so they are dropped and computed again (or taken from the
    /// shipped ones of the bundled counts); readers wait for them, or get 503, as after an import.
    /// </summary>
    public partial class ProtectionsKeyedByPromise : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                delete from disclosure_masks;
                alter table disclosure_masks add column promise text not null;
                alter table disclosure_masks drop constraint uq_disclosure_masks_key;
                alter table disclosure_masks add constraint uq_disclosure_masks_key
                    unique (school_year, classification_year, import_id, geography_loaded_at, minimum_count, promise);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                delete from disclosure_masks;
                alter table disclosure_masks drop constraint uq_disclosure_masks_key;
                alter table disclosure_masks drop column promise;
                alter table disclosure_masks add constraint uq_disclosure_masks_key
                    unique (school_year, classification_year, import_id, geography_loaded_at, minimum_count);
                """);
        }
    }
}
