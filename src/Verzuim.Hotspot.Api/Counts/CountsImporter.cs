using System.Diagnostics;
using NpgsqlTypes;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>
/// All-or-nothing import of a counts file. Rows are validated while they stream through binary COPY into a
/// transaction-local staging table; any error cancels the COPY and rolls back, so nothing is written. A valid file
/// replaces the counts of its school years in the same transaction: readers see the old data or the new, never a mix.
/// </summary>
internal sealed class CountsImporter(NpgsqlDataSource dataSource, IOptions<GeographyOptions> geography)
{
    // An import may wait for another to finish (they queue on an advisory lock) and then swap large partitions:
    // both can outlast Npgsql's 30-second default.
    private const int CommandTimeoutSeconds = 600;

    public async Task<CountsImportOutcome> ImportAsync(Stream csv, string dataset, bool synthetic, IProgress<long>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var campuses = await KnownCampusesAsync(connection, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, CountsImportSql.CreateStaging, ct);

        CountsCsvResult validation;
        var importer = await connection.BeginBinaryImportAsync(CountsImportSql.Copy, ct);
        try
        {
            validation = await new CountsCsvReader(campuses).ReadAsync(csv, row =>
            {
                // Synchronous writes: they only touch the network when Npgsql's buffer is full, and an await per
                // column costs more than the COPY itself.
                importer.StartRow();
                importer.Write(row.SchoolYear, NpgsqlDbType.Char);
                importer.Write(row.BrinVest, NpgsqlDbType.Char);
                importer.Write(row.Pc4, NpgsqlDbType.Char);
                importer.Write(row.AgeBand, NpgsqlDbType.Varchar);
                importer.Write(row.Students, NpgsqlDbType.Integer);
                importer.Write(row.AbsenceReports, NpgsqlDbType.Integer);
                if (row.StudentsReported is { } reported)
                {
                    importer.Write(reported, NpgsqlDbType.Integer);
                }
                else
                {
                    importer.WriteNull();
                }
                return ValueTask.CompletedTask;
            }, progress, ct);
            if (validation.HasErrors)
            {
                return new CountsImportOutcome(null, validation);
            }
            await importer.CompleteAsync(ct);
        }
        finally
        {
            // Without CompleteAsync, disposing cancels the COPY; the transaction then rolls back.
            await importer.DisposeAsync();
        }

        var staged = clock.Elapsed;
        await ExecuteAsync(connection, CountsImportSql.SerializeImports, ct);
        await ExecuteAsync(connection, CountsImportSql.Replace, ct);
        var summary = await SummarizeAsync(connection, dataset, synthetic, validation.RowsRead, ct);
        await transaction.CommitAsync(ct);
        return new CountsImportOutcome(summary with
        {
            Timings = new ImportTimings(staged.TotalSeconds, (clock.Elapsed - staged).TotalSeconds, clock.Elapsed.TotalSeconds),
        }, validation);
    }

    private async Task<CountsImportSummary> SummarizeAsync(NpgsqlConnection connection, string dataset, bool synthetic, long rowsRead, CancellationToken ct)
    {
        var year = geography.Value.ClassificationYear;
        long staged = 0, groups = 0, students = 0, reports = 0;
        await ReadAsync(connection, CountsImportSql.Totals, year, r => (staged, groups, students, reports) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
        var years = new List<ImportedSchoolYear>();
        await ReadAsync(connection, CountsImportSql.Years, year, r => years.Add(new ImportedSchoolYear(r.GetString(0), r.GetBoolean(1))), ct);
        var regions = new List<RegionTotal>();
        await ReadAsync(connection, CountsImportSql.PlacedPerRegion, year, r => regions.Add(new RegionTotal(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3))), ct);
        var unplaced = new List<UnplacedPostcode>();
        await ReadAsync(connection, CountsImportSql.Unplaced, year, r => unplaced.Add(new UnplacedPostcode(r.GetString(0), r.GetInt64(1), r.GetInt64(2))), ct);

        await using var record = new NpgsqlCommand(CountsImportSql.RecordImport, connection);
        record.Parameters.AddWithValue("dataset", dataset);
        record.Parameters.AddWithValue("synthetic", synthetic);
        record.Parameters.AddWithValue("rows", rowsRead);
        record.Parameters.AddWithValue("students", students);
        record.Parameters.AddWithValue("reports", reports);
        var importId = (long)(await record.ExecuteScalarAsync(ct))!;
        await using var datasets = new NpgsqlCommand(CountsImportSql.RecordDatasets, connection);
        datasets.Parameters.AddWithValue("dataset", dataset);
        datasets.Parameters.AddWithValue("synthetic", synthetic);
        datasets.Parameters.AddWithValue("import", importId);
        await datasets.ExecuteNonQueryAsync(ct);
        await using var bump = new NpgsqlCommand(DataState.BumpSql + " returning version", connection);
        var version = (long)(await bump.ExecuteScalarAsync(ct))!;

        return new CountsImportSummary(importId, dataset, synthetic, rowsRead, staged - groups, students, reports, years, regions,
            unplaced.Sum(u => u.Students), unplaced.Sum(u => u.AbsenceReports), unplaced, version);
    }

    private static async Task<HashSet<string>> KnownCampusesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var campuses = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(connection, "select brin_vest from campuses", 0, r => campuses.Add(r.GetString(0)), ct);
        return campuses;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = CommandTimeoutSeconds };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, int year, Action<NpgsqlDataReader> read, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = CommandTimeoutSeconds };
        cmd.Parameters.AddWithValue("year", year);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            read(reader);
        }
    }
}
