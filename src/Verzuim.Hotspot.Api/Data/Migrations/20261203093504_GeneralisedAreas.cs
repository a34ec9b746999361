using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Verzuim.Hotspot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class GeneralisedAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "generalised_areas",
                columns: table => new
                {
                    classification_year = table.Column<int>(type: "integer", nullable: false),
                    layer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    band = table.Column<short>(type: "smallint", nullable: false),
                    mercator = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 3857)", nullable: true),
                    wgs84 = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_generalised_areas", x => new { x.classification_year, x.layer, x.band, x.code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_generalised_areas_mercator",
                table: "generalised_areas",
                column: "mercator")
                .Annotation("Npgsql:IndexMethod", "gist");

            // Databases loaded before this migration get their bands now; later loads write them (GeographyLoadSql).
            // Tolerances: one tile unit of each even zoom at 52 N, in metres (TileMath.TileUnitMetres).
            migrationBuilder.Sql("""
                with areas as (
                    select classification_year, 'rmc-regions'::text as layer, code::text as code, geometry from rmc_regions
                    union all
                    select classification_year, 'municipalities', code::text, geometry from municipalities
                    union all
                    select classification_year, 'postcode-areas', code::text, geometry from pc4_areas where geometry is not null
                ), bands as (
                    select * from unnest(array[0, 2, 4, 6, 8, 10, 12]::smallint[],
                        array[6023.971624406787, 1505.9929061016967, 376.4982265254242, 94.12455663135604, 23.53113915783901,
                              5.882784789459753, 1.4706961973649382]::float8[]) as b(band, tolerance)
                )
                insert into generalised_areas (classification_year, layer, code, band, mercator, wgs84)
                select a.classification_year, a.layer, a.code, b.band,
                       ST_Multi(ST_CollectionExtract(ST_Transform(ST_SimplifyPreserveTopology(a.geometry, b.tolerance), 3857), 3)), null
                from areas a cross join bands b
                union all
                select a.classification_year, a.layer, a.code, 99, ST_Multi(ST_Transform(a.geometry, 3857)),
                       ST_ForcePolygonCCW(ST_Transform(a.geometry, 4326))
                from areas a
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "generalised_areas");
        }
    }
}
