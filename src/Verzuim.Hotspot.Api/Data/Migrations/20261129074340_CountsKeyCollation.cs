using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountsKeyCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_student_counts_school_year_pc4",
                table: "student_counts");

            migrationBuilder.AlterColumn<string>(
                name: "age_band",
                table: "student_counts",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(7)",
                oldMaxLength: 7);

            migrationBuilder.AlterColumn<string>(
                name: "pc4",
                table: "student_counts",
                type: "character(4)",
                fixedLength: true,
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character(4)",
                oldFixedLength: true,
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "brin_vest",
                table: "student_counts",
                type: "character(6)",
                fixedLength: true,
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character(6)",
                oldFixedLength: true,
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "school_year",
                table: "student_counts",
                type: "character(9)",
                fixedLength: true,
                maxLength: 9,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character(9)",
                oldFixedLength: true,
                oldMaxLength: 9);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "age_band",
                table: "student_counts",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(7)",
                oldMaxLength: 7,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "pc4",
                table: "student_counts",
                type: "character(4)",
                fixedLength: true,
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character(4)",
                oldFixedLength: true,
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "brin_vest",
                table: "student_counts",
                type: "character(6)",
                fixedLength: true,
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character(6)",
                oldFixedLength: true,
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "school_year",
                table: "student_counts",
                type: "character(9)",
                fixedLength: true,
                maxLength: 9,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character(9)",
                oldFixedLength: true,
                oldMaxLength: 9,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "ix_student_counts_school_year_pc4",
                table: "student_counts",
                columns: new[] { "school_year", "pc4" });
        }
    }
}
