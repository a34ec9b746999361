using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Regions;

namespace Verzuim.Hotspot.Api.Flows;

/// <summary>
/// Builds flow matrices in PostGIS and keeps them, suppressed, per data version: every import and geography load bumps
/// data_state.version, so a new version is a new cache key and old entries simply age out.
/// </summary>
internal sealed class FlowMatrixSource(NpgsqlDataSource dataSource, IMemoryCache cache, IOptions<GeographyOptions> geography)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private sealed record Key(long DataVersion, string SchoolYear, AgeBandFilter Band, FlowDimension By, DisclosureMode Mode, int MinimumCount);

    public int ClassificationYear => geography.Value.ClassificationYear;

    public async Task<FlowMatrix> GetAsync(string schoolYear, AgeBandFilter band, FlowDimension by, long dataVersion, DisclosurePolicy policy,
        CancellationToken ct)
    {
        var key = new Key(dataVersion, schoolYear, band, by, policy.Mode, policy.MinimumCount);
        if (cache.TryGetValue(key, out FlowMatrix? cached) && cached is not null)
        {
            return cached;
        }
        var matrix = await BuildAsync(schoolYear, band, by, policy, ct);
        cache.Set(key, matrix, new MemoryCacheEntryOptions { SlidingExpiration = Idle });
        return matrix;
    }

    /// <summary>The matrix straight from the database (exact counts) with its suppression mask; not cached.</summary>
    public async Task<FlowMatrix> BuildAsync(string schoolYear, AgeBandFilter band, FlowDimension by, DisclosurePolicy policy, CancellationToken ct)
    {
        var year = ClassificationYear;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for cells and labels, so a concurrent import cannot mix two versions in one matrix.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        var regions = new List<FlowRow>();
        await using (var command = Command(connection, FlowsSql.Regions, year))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                regions.Add(new FlowRow(reader.GetString(0), reader.GetString(1), false,
                    new ContactMunicipality(reader.GetString(2), reader.GetString(3), reader.GetBoolean(4)),
                    reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6)));
            }
        }
        regions.Add(new FlowRow(FlowRow.UnplacedId, "Unplaced (postcode without a region)", true, null, null, null));

        var labels = new Dictionary<string, FlowColumn>(StringComparer.Ordinal);
        await using (var command = Command(connection, by == FlowDimension.Campus ? FlowsSql.Campuses : FlowsSql.Institutions, year))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var column = new FlowColumn(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : new CodeName(reader.GetString(4), reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetDouble(7));
                labels[column.Id] = column;
            }
        }

        var cells = new List<(string? Region, string Column, long Students, long Reports)>();
        await using (var command = Command(connection, by == FlowDimension.Campus ? FlowsSql.CellsByCampus : FlowsSql.CellsByInstitution, year))
        {
            command.Parameters.AddWithValue("school_year", schoolYear);
            command.Parameters.AddWithValue("age_band", NpgsqlTypes.NpgsqlDbType.Text, (object?)band.StoredValue() ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                cells.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }
        await transaction.CommitAsync(ct);

        var rowIndex = regions.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var columns = cells.Select(c => c.Column).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => labels.GetValueOrDefault(id) ?? new FlowColumn(id, id, id[..4], id[..4], null, null, null))
            .ToList();
        var columnIndex = columns.Select((c, j) => (c.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        var students = new long[regions.Count, columns.Count];
        var reports = new long[regions.Count, columns.Count];
        var unplaced = regions.Count - 1;
        foreach (var (region, column, s, r) in cells)
        {
            // A region the year does not list cannot happen with consistent geography; count it as unplaced rather than drop it.
            var i = region is not null && rowIndex.TryGetValue(region, out var found) ? found : unplaced;
            var j = columnIndex[column];
            students[i, j] += s;
            reports[i, j] += r;
        }
        return new FlowMatrix(by, regions, columns, students, reports, TableSuppression.Suppress(students, reports, policy));
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, int year)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("year", year);
        return command;
    }
}
