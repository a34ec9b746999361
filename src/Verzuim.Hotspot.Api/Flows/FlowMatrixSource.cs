using Verzuim.Hotspot.Api.Regions;

namespace Verzuim.Hotspot.Api.Flows;

/// <summary>
/// Builds flow matrices in PostGIS and keeps them, suppressed, per data version: every import and geography load bumps
/// data_state.version, so a new version is a new key and the old matrices are dropped.
/// </summary>
internal sealed class FlowMatrixSource(NpgsqlDataSource dataSource, VersionedCache cache, ProtectionStore protection,
    IOptions<GeographyOptions> geography)
{
    private const string Family = "flows";

    private sealed record Key(string SchoolYear, AgeBandFilter Band, int Year, string View, int MinimumCount);

    private sealed record CellRow(string? Region, string Column, long Students, long Reports);

    public async Task<FlowMatrix> GetAsync(CountsScope scope, FlowDimension by, DisclosurePolicy policy, CancellationToken ct)
    {
        // Both tables come from one build: they are suppressed together, as linked tables.
        var key = new Key(scope.SchoolYear, scope.Band, scope.ClassificationYear, policy.View, policy.MinimumCount);
        var pair = await cache.GetOrBuildAsync(Family, scope.DataVersion, key,
            () => BuildAsync(key.SchoolYear, key.Band, key.Year, policy, CancellationToken.None),
            p => p.Institutions.ApproximateBytes + p.Campuses.ApproximateBytes, ct);
        return by == FlowDimension.Campus ? pair.Campuses : pair.Institutions;
    }

    /// <summary>
    /// Both matrices straight from the database (exact counts), suppressed together because they are linked tables; not cached.
    /// </summary>
    public Task<(FlowMatrix Institutions, FlowMatrix Campuses)> BuildAsync(string schoolYear, AgeBandFilter band, DisclosurePolicy policy,
        CancellationToken ct) => BuildAsync(schoolYear, band, geography.Value.ClassificationYear, policy, ct);

    private async Task<(FlowMatrix Institutions, FlowMatrix Campuses)> BuildAsync(string schoolYear, AgeBandFilter band, int year,
        DisclosurePolicy policy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for cells and labels, so a concurrent import cannot mix two versions in one answer.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        // The protection of exactly these counts: keyed in the same snapshot the cells are read in.
        var published = await protection.ForSnapshotAsync(connection, transaction, schoolYear, year, policy, ct);

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

        var institutionLabels = await LabelsAsync(connection, FlowsSql.Institutions, year, ct);
        var campusLabels = await LabelsAsync(connection, FlowsSql.Campuses, year, ct);
        var campusCells = new List<CellRow>();
        await using (var command = Command(connection, FlowsSql.CellsByCampus, year))
        {
            command.Parameters.AddWithValue("school_year", schoolYear);
            command.Parameters.AddWithValue("age_band", NpgsqlTypes.NpgsqlDbType.Text, (object?)band.StoredValue() ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                campusCells.Add(new CellRow(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }
        await transaction.CommitAsync(ct);

        var campusColumns = Columns(campusCells.Select(c => c.Column), campusLabels);
        // Institution cells are the sums of their campuses' cells, so both tables come from one query and agree exactly.
        var institutionColumns = Columns(campusColumns.Select(c => c.Brin), institutionLabels);
        var campusIndex = campusColumns.Select((c, j) => (c.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        var institutionIndex = institutionColumns.Select((c, j) => (c.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        var brinOfCampus = campusColumns.ToDictionary(c => c.Id, c => c.Brin, StringComparer.Ordinal);
        var (cs, cr) = Fill(regions, campusCells, campusIndex);
        var (ins, inr) = Fill(regions, campusCells.Select(c => c with { Column = brinOfCampus[c.Column] }), institutionIndex);
        var bandName = band.Name();
        var institutionMask = Mask(published, policy, DisclosureTables.InstitutionFlows, DisclosureTables.Institution, bandName, regions,
            institutionColumns, c => c.Brin);
        var campusMask = Mask(published, policy, DisclosureTables.CampusFlows, DisclosureTables.Campus, bandName, regions, campusColumns, c => c.Id);
        return (new FlowMatrix(FlowDimension.Institution, regions, institutionColumns, ins, inr, institutionMask),
            new FlowMatrix(FlowDimension.Campus, regions, campusColumns, cs, cr, campusMask));
    }

    /// <summary>
    /// The joint mask (<see cref="ProtectionStore"/>) laid over one flow table as this caller sees it: cells, row totals
    /// (regions), column totals (campuses or institutions) and the national total, as the linked tables name them. A
    /// caller's own region's row and own institution's columns are shown.
    /// </summary>
    private static SuppressionMask Mask(PublishedMask? published, DisclosurePolicy policy, string table, string totals, string band,
        List<FlowRow> rows, List<FlowColumn> columns, Func<FlowColumn, string> columnId)
    {
        var mask = new SuppressionMask(rows.Count, columns.Count);
        for (var i = 0; i <= rows.Count; i++)
        {
            var region = i < rows.Count ? (rows[i].Unplaced ? DisclosureTables.Unplaced : rows[i].Id) : null;
            for (var j = 0; j <= columns.Count; j++)
            {
                var column = j < columns.Count ? columns[j] : null;
                var cell = (region, column) switch
                {
                    ({ } r, { } c) => new CellKey(table, band, r, columnId(c)),
                    ({ } r, null) => new CellKey(DisclosureTables.Region, band, r, ""),
                    (null, { } c) => new CellKey(totals, band, "", columnId(c)),
                    _ => new CellKey(DisclosureTables.National, band, "", ""),
                };
                mask[i, j] = policy.HidesStudents(published, cell, region, column?.Brin);
                if (policy.HidesReports(published, cell, region, column?.Brin))
                {
                    mask.HideReports(i, j);
                }
            }
        }
        return mask;
    }

    private static async Task<Dictionary<string, FlowColumn>> LabelsAsync(NpgsqlConnection connection, string sql, int year, CancellationToken ct)
    {
        var labels = new Dictionary<string, FlowColumn>(StringComparer.Ordinal);
        await using var command = Command(connection, sql, year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var column = new FlowColumn(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : new CodeName(reader.GetString(4), reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetDouble(7));
            labels[column.Id] = column;
        }
        return labels;
    }

    private static List<FlowColumn> Columns(IEnumerable<string> ids, Dictionary<string, FlowColumn> labels) =>
        [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => labels.GetValueOrDefault(id) ?? new FlowColumn(id, id, id[..4], id[..4], null, null, null))];

    private static (long[,] Students, long[,] Reports) Fill(List<FlowRow> regions, IEnumerable<CellRow> cells, Dictionary<string, int> columnIndex)
    {
        var rowIndex = regions.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var students = new long[regions.Count, columnIndex.Count];
        var reports = new long[regions.Count, columnIndex.Count];
        foreach (var (region, column, s, r) in cells)
        {
            // A region the year does not list cannot happen with consistent geography; count it as unplaced rather than drop it.
            var i = region is not null && rowIndex.TryGetValue(region, out var found) ? found : regions.Count - 1;
            var j = columnIndex[column];
            students[i, j] += s;
            reports[i, j] += r;
        }
        return (students, reports);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, int year)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("year", year);
        return command;
    }
}
