using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <summary>
    /// Drops every stored disclosure protection, so that each school year is protected again under the rule that knows
    /// a listed hidden cell is not zero. Protections stored before assumed a hidden count could go down to 0, which an
    /// intruder knows it cannot; such a protection may leave an interval narrower than the minimum count. Reusing one for
    /// the same counts (which keeps two masks of one set of counts from being published) would keep that gap, so this
    /// once a new mask replaces the old one. Readers wait for the new protection (or get 503) as after an import.
    /// </summary>
    public partial class ReprotectWithListedCellFloor : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("delete from disclosure_masks;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to restore: the protections are computed again on demand.
        }
    }
}
