using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialGeography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "data_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    counts_dataset = table.Column<string>(type: "text", nullable: true),
                    counts_synthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_state", x => x.id);
                    table.CheckConstraint("ck_data_state_single_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "geography_loads",
                columns: table => new
                {
                    classification_year = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rmc_regions = table.Column<int>(type: "integer", nullable: false),
                    municipalities = table.Column<int>(type: "integer", nullable: false),
                    pc4_areas = table.Column<int>(type: "integer", nullable: false),
                    campuses = table.Column<int>(type: "integer", nullable: false),
                    pc4_with_empty_geometry = table.Column<List<string>>(type: "text[]", nullable: false),
                    pc4_without_geometry = table.Column<List<string>>(type: "text[]", nullable: false),
                    pc4_unplaced = table.Column<List<string>>(type: "text[]", nullable: false),
                    campuses_placed_by_postcode = table.Column<List<string>>(type: "text[]", nullable: false),
                    campuses_unplaced = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_geography_loads", x => x.classification_year);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    brin = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    website = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions", x => x.brin);
                });

            migrationBuilder.CreateTable(
                name: "rmc_regions",
                columns: table => new
                {
                    classification_year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    contact_municipality_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    contact_municipality_assumed = table.Column<bool>(type: "boolean", nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 28992)", nullable: false),
                    representative_point = table.Column<Point>(type: "geometry(Point, 28992)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rmc_regions", x => new { x.classification_year, x.code });
                });

            migrationBuilder.CreateTable(
                name: "campuses",
                columns: table => new
                {
                    brin_vest = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    brin = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    vestiging = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    address = table.Column<string>(type: "text", nullable: true),
                    postcode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    place = table.Column<string>(type: "text", nullable: true),
                    is_main_location = table.Column<bool>(type: "boolean", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point, 28992)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campuses", x => x.brin_vest);
                    table.ForeignKey(
                        name: "fk_campuses_institutions_brin",
                        column: x => x.brin,
                        principalTable: "institutions",
                        principalColumn: "brin",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "municipalities",
                columns: table => new
                {
                    classification_year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    rmc_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    population = table.Column<int>(type: "integer", nullable: true),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 28992)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipalities", x => new { x.classification_year, x.code });
                    table.ForeignKey(
                        name: "fk_municipalities_rmc_regions_classification_year_rmc_code",
                        columns: x => new { x.classification_year, x.rmc_code },
                        principalTable: "rmc_regions",
                        principalColumns: new[] { "classification_year", "code" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campus_placements",
                columns: table => new
                {
                    classification_year = table.Column<int>(type: "integer", nullable: false),
                    brin_vest = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    municipality_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campus_placements", x => new { x.classification_year, x.brin_vest });
                    table.ForeignKey(
                        name: "fk_campus_placements_campuses_brin_vest",
                        column: x => x.brin_vest,
                        principalTable: "campuses",
                        principalColumn: "brin_vest",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campus_placements_municipalities_classification_year_munici",
                        columns: x => new { x.classification_year, x.municipality_code },
                        principalTable: "municipalities",
                        principalColumns: new[] { "classification_year", "code" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pc4_areas",
                columns: table => new
                {
                    classification_year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 28992)", nullable: true),
                    representative_point = table.Column<Point>(type: "geometry(Point, 28992)", nullable: true),
                    municipality_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    placement_method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    address_share = table.Column<double>(type: "double precision", nullable: true),
                    population_15_25 = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pc4_areas", x => new { x.classification_year, x.code });
                    table.ForeignKey(
                        name: "fk_pc4_areas_municipalities_classification_year_municipality_c",
                        columns: x => new { x.classification_year, x.municipality_code },
                        principalTable: "municipalities",
                        principalColumns: new[] { "classification_year", "code" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_campus_placements_brin_vest",
                table: "campus_placements",
                column: "brin_vest");

            migrationBuilder.CreateIndex(
                name: "ix_campus_placements_classification_year_municipality_code",
                table: "campus_placements",
                columns: new[] { "classification_year", "municipality_code" });

            migrationBuilder.CreateIndex(
                name: "ix_campuses_brin",
                table: "campuses",
                column: "brin");

            migrationBuilder.CreateIndex(
                name: "ix_campuses_location",
                table: "campuses",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_municipalities_classification_year_rmc_code",
                table: "municipalities",
                columns: new[] { "classification_year", "rmc_code" });

            migrationBuilder.CreateIndex(
                name: "ix_municipalities_geometry",
                table: "municipalities",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_pc4_areas_classification_year_municipality_code",
                table: "pc4_areas",
                columns: new[] { "classification_year", "municipality_code" });

            migrationBuilder.CreateIndex(
                name: "ix_pc4_areas_geometry",
                table: "pc4_areas",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_rmc_regions_geometry",
                table: "rmc_regions",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campus_placements");

            migrationBuilder.DropTable(
                name: "data_state");

            migrationBuilder.DropTable(
                name: "geography_loads");

            migrationBuilder.DropTable(
                name: "pc4_areas");

            migrationBuilder.DropTable(
                name: "campuses");

            migrationBuilder.DropTable(
                name: "municipalities");

            migrationBuilder.DropTable(
                name: "institutions");

            migrationBuilder.DropTable(
                name: "rmc_regions");
        }
    }
}
