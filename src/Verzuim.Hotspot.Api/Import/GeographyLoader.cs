using NpgsqlTypes;

namespace Verzuim.Hotspot.Api.Import;

/// <summary>
/// Fills the geography of one classification year from the bundled geodata: files are read with the NTS and Sep
/// readers, bulk-copied into staging tables, and placed by PostGIS. One transaction: a failed load leaves the
/// previous geography as it was.
/// </summary>
internal sealed class GeographyLoader(NpgsqlDataSource dataSource, ILogger<GeographyLoader> logger)
{
    public async Task<GeographyLoadReport> LoadAsync(GeodataFiles files, int year, CancellationToken ct)
    {
        var municipalityShapes = await files.ReadMunicipalityShapesAsync(ct);
        var pc4Shapes = await files.ReadPc4ShapesAsync(ct);
        logger.LogInformation("Read {Municipalities} municipalities and {Pc4} PC4 polygons from {Folder}",
            municipalityShapes.Count, pc4Shapes.Count, files.Folder);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, GeographyLoadSql.CreateStaging, year, ct);

        await connection.CopyAsync("copy stage_municipality (code, name, geom) from stdin (format binary)", municipalityShapes,
            async (w, m, t) => { await w.WriteTextAsync(m.Code, t); await w.WriteTextAsync(m.Name, t); await w.WriteAsync(m.Geometry, t); }, ct);
        await connection.CopyAsync("copy stage_municipality_region (code, rmc_code, population) from stdin (format binary)", files.ReadMunicipalityRegions(),
            async (w, m, t) => { await w.WriteTextAsync(m.Code, t); await w.WriteTextAsync(m.RmcCode, t); await w.WriteNullableAsync(m.Population, NpgsqlDbType.Integer, t); }, ct);
        await connection.CopyAsync("copy stage_region (code, name) from stdin (format binary)", files.ReadRegions(),
            async (w, r, t) => { await w.WriteTextAsync(r.Code, t); await w.WriteTextAsync(r.Name, t); }, ct);
        await connection.CopyAsync("copy stage_contact (rmc_code, municipality_code) from stdin (format binary)", files.ReadContactOverrides(),
            async (w, c, t) => { await w.WriteTextAsync(c.RmcCode, t); await w.WriteTextAsync(c.MunicipalityCode, t); }, ct);
        await connection.CopyAsync("copy stage_pc4_shape (pc4, geom) from stdin (format binary)", pc4Shapes,
            async (w, p, t) => { await w.WriteTextAsync(p.Code, t); await w.WriteAsync(p.Geometry, t); }, ct);
        await connection.CopyAsync("copy stage_pc4_addresses (pc4, municipality_code, addresses, share) from stdin (format binary)", files.ReadPc4Addresses(),
            async (w, a, t) =>
            {
                await w.WriteTextAsync(a.Pc4, t); await w.WriteTextAsync(a.MunicipalityCode, t);
                await w.WriteAsync(a.Addresses, NpgsqlDbType.Integer, t); await w.WriteAsync(a.Share, NpgsqlDbType.Double, t);
            }, ct);
        await connection.CopyAsync("copy stage_pc4_population (pc4, population) from stdin (format binary)", files.ReadPc4Population(),
            async (w, p, t) => { await w.WriteTextAsync(p.Pc4, t); await w.WriteNullableAsync(p.Population15To25, NpgsqlDbType.Integer, t); }, ct);
        await connection.CopyAsync("copy stage_institution (brin, name, website) from stdin (format binary)", files.ReadInstitutions(),
            async (w, i, t) => { await w.WriteTextAsync(i.Brin, t); await w.WriteTextAsync(i.Name, t); await w.WriteTextAsync(i.Website, t); }, ct);
        await connection.CopyAsync(
            "copy stage_campus (brinvest, brin, vestiging, institution_name, name, address, postcode, place, x, y, is_main) from stdin (format binary)",
            files.ReadCampuses(),
            async (w, c, t) =>
            {
                await w.WriteTextAsync(c.BrinVest, t); await w.WriteTextAsync(c.Brin, t); await w.WriteTextAsync(c.Vestiging, t);
                await w.WriteTextAsync(c.InstitutionName, t); await w.WriteTextAsync(c.Name, t); await w.WriteTextAsync(c.Address, t);
                await w.WriteTextAsync(c.Postcode, t); await w.WriteTextAsync(c.Place, t);
                await w.WriteNullableAsync(c.X, NpgsqlDbType.Double, t); await w.WriteNullableAsync(c.Y, NpgsqlDbType.Double, t);
                await w.WriteAsync(c.IsMain, NpgsqlDbType.Boolean, t);
            }, ct);

        var problems = await QueryTextAsync(connection, GeographyLoadSql.Inconsistencies, year, ct);
        if (problems.Count > 0)
        {
            throw new GeodataInconsistentException(problems);
        }

        await ExecuteAsync(connection, GeographyLoadSql.DeleteYear, year, ct);
        await ExecuteAsync(connection, GeographyLoadSql.InsertRegions, year, ct);
        await ExecuteAsync(connection, GeographyLoadSql.InsertMunicipalities, year, ct);
        await ExecuteAsync(connection, GeographyLoadSql.InsertPc4Areas, year, ct);
        await ExecuteAsync(connection, GeographyLoadSql.UpsertInstitutionsAndCampuses, year, ct);
        await ExecuteAsync(connection, GeographyLoadSql.InsertCampusPlacements, year, ct);

        var report = new GeographyLoadReport
        {
            ClassificationYear = year,
            LoadedAt = DateTimeOffset.UtcNow,
            RmcRegions = await CountAsync(connection, "select count(*) from rmc_regions where classification_year = @year", year, ct),
            Municipalities = await CountAsync(connection, "select count(*) from municipalities where classification_year = @year", year, ct),
            Pc4Areas = await CountAsync(connection, "select count(*) from pc4_areas where classification_year = @year", year, ct),
            Campuses = await CountAsync(connection, "select count(*) from campus_placements where classification_year = @year", year, ct),
            Pc4WithEmptyGeometry = await QueryTextAsync(connection, GeographyLoadSql.ReportPc4EmptyGeometry, year, ct),
            Pc4WithoutGeometry = await QueryTextAsync(connection, GeographyLoadSql.ReportPc4WithoutGeometry, year, ct),
            Pc4Unplaced = await QueryTextAsync(connection, GeographyLoadSql.ReportPc4Unplaced, year, ct),
            CampusesPlacedByPostcode = await QueryTextAsync(connection, GeographyLoadSql.ReportCampusesByPostcode, year, ct),
            CampusesUnplaced = await QueryTextAsync(connection, GeographyLoadSql.ReportCampusesUnplaced, year, ct),
        };
        await SaveReportAsync(connection, report, ct);
        await ExecuteAsync(connection, DataState.BumpSql, year, ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation(
            "Loaded {Year}: {Regions} RMC regions, {Municipalities} municipalities, {Pc4} PC4 areas, {Campuses} campuses. " +
            "PC4 with empty geometry: [{Empty}]; without geometry: [{Missing}]; unplaced: [{Unplaced}]; campuses placed by postcode: {ByPostcode}; unplaced campuses: [{CampusesUnplaced}]",
            year, report.RmcRegions, report.Municipalities, report.Pc4Areas, report.Campuses,
            string.Join(", ", report.Pc4WithEmptyGeometry), string.Join(", ", report.Pc4WithoutGeometry), string.Join(", ", report.Pc4Unplaced),
            report.CampusesPlacedByPostcode.Count, string.Join(", ", report.CampusesUnplaced));
        return report;
    }

    private static async Task SaveReportAsync(NpgsqlConnection connection, GeographyLoadReport r, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into geography_loads (classification_year, loaded_at, rmc_regions, municipalities, pc4_areas, campuses,
                pc4_with_empty_geometry, pc4_without_geometry, pc4_unplaced, campuses_placed_by_postcode, campuses_unplaced)
            values (@year, @at, @regions, @municipalities, @pc4, @campuses, @empty, @missing, @unplaced, @byPostcode, @campusesUnplaced)
            """, connection);
        cmd.Parameters.AddWithValue("year", r.ClassificationYear);
        cmd.Parameters.AddWithValue("at", r.LoadedAt);
        cmd.Parameters.AddWithValue("regions", r.RmcRegions);
        cmd.Parameters.AddWithValue("municipalities", r.Municipalities);
        cmd.Parameters.AddWithValue("pc4", r.Pc4Areas);
        cmd.Parameters.AddWithValue("campuses", r.Campuses);
        cmd.Parameters.AddWithValue("empty", r.Pc4WithEmptyGeometry);
        cmd.Parameters.AddWithValue("missing", r.Pc4WithoutGeometry);
        cmd.Parameters.AddWithValue("unplaced", r.Pc4Unplaced);
        cmd.Parameters.AddWithValue("byPostcode", r.CampusesPlacedByPostcode);
        cmd.Parameters.AddWithValue("campusesUnplaced", r.CampusesUnplaced);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int year, CancellationToken ct)
    {
        await using var batch = new NpgsqlCommand(sql, connection);
        batch.Parameters.AddWithValue("year", year);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string sql, int year, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("year", year);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> QueryTextAsync(NpgsqlConnection connection, string sql, int year, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("year", year);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}

internal sealed class GeodataInconsistentException(IReadOnlyList<string> problems)
    : Exception("The geodata files disagree: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
