using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudentCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "counts_dataset",
                table: "data_state");

            migrationBuilder.DropColumn(
                name: "counts_synthetic",
                table: "data_state");

            migrationBuilder.CreateTable(
                name: "counts_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dataset = table.Column<string>(type: "text", nullable: false),
                    synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    school_years = table.Column<List<string>>(type: "text[]", nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    students = table.Column<long>(type: "bigint", nullable: false),
                    absence_reports = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counts_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "student_counts",
                columns: table => new
                {
                    school_year = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    brin_vest = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    pc4 = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    age_band = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    absence_reports = table.Column<int>(type: "integer", nullable: false),
                    students_reported = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_counts", x => new { x.school_year, x.brin_vest, x.pc4, x.age_band });
                    table.CheckConstraint("ck_student_counts_age_band", "age_band in ('under18', '18plus')");
                    table.CheckConstraint("ck_student_counts_non_negative", "students >= 0 and absence_reports >= 0");
                    table.CheckConstraint("ck_student_counts_reported", "students_reported is null or students_reported between 0 and students");
                    table.ForeignKey(
                        name: "fk_student_counts_campuses_brin_vest",
                        column: x => x.brin_vest,
                        principalTable: "campuses",
                        principalColumn: "brin_vest",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_year_datasets",
                columns: table => new
                {
                    school_year = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    dataset = table.Column<string>(type: "text", nullable: false),
                    synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    import_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_year_datasets", x => x.school_year);
                    table.ForeignKey(
                        name: "fk_school_year_datasets_counts_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "counts_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_school_year_datasets_import_id",
                table: "school_year_datasets",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_student_counts_brin_vest",
                table: "student_counts",
                column: "brin_vest");

            migrationBuilder.CreateIndex(
                name: "ix_student_counts_school_year_pc4",
                table: "student_counts",
                columns: new[] { "school_year", "pc4" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "school_year_datasets");

            migrationBuilder.DropTable(
                name: "student_counts");

            migrationBuilder.DropTable(
                name: "counts_imports");

            migrationBuilder.AddColumn<string>(
                name: "counts_dataset",
                table: "data_state",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "counts_synthetic",
                table: "data_state",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
