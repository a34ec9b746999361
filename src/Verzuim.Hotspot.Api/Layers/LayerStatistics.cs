namespace Verzuim.Hotspot.Api.Layers;

/// <summary>The published counts of one collection for one school year, age band and data version.</summary>
/// <remarks><see cref="Unplaced"/>: the students whose postcode has no region, as published (the rmc-regions table's unplaced row).</remarks>
internal sealed record LayerStatisticsTable(IReadOnlyDictionary<string, PublishedCounts> ByFeature, string[] FlowRmc, string[] FlowCampus)
{
    internal static readonly PublishedCounts None = PublishedCounts.Of(0, 0, suppressed: false);

    public PublishedCounts Unplaced { get; init; } = None;

    public PublishedCounts For(string featureId) => ByFeature.GetValueOrDefault(featureId, None);
}

/// <summary>
/// Aggregates the counts behind a layer once per data version (the aggregation reads every count row; the layers are
/// requested far more often than the data changes) and publishes them through the school year's joint protection
/// (<see cref="ProtectionStore"/>), the same mask the flows use, so a filtered or paged request cannot undo it and no
/// two outputs protect one number differently.
/// </summary>
internal sealed class LayerStatistics(NpgsqlDataSource dataSource, VersionedCache cache, ProtectionStore protection)
{
    private const string Family = "layer-statistics";

    private readonly record struct Key(string Collection, string SchoolYear, string? Band, int Year, string View, int MinimumCount);

    public Task<LayerStatisticsTable> GetAsync(LayerCollection collection, CountsScope scope, DisclosurePolicy policy, CancellationToken ct)
    {
        var key = new Key(collection.Id, scope.SchoolYear, scope.Band.StoredValue(), scope.ClassificationYear, policy.View, policy.MinimumCount);
        return cache.GetOrBuildAsync(Family, scope.DataVersion, key, () => LoadAsync(collection, key, policy),
            t => 128L * (t.ByFeature.Count + t.FlowRmc.Length), ct);
    }

    private async Task<LayerStatisticsTable> LoadAsync(LayerCollection collection, Key key, DisclosurePolicy policy)
    {
        var cells = new List<(string? Row, string Column, long Students, long Reports, string? Region)>();
        await using var connection = await dataSource.OpenConnectionAsync();
        // The protection of exactly these counts: keyed in the same snapshot the counts are read in.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        PublishedMask? published = null;
        if (policy.Mode == DisclosureMode.Public)
        {
            var maskKey = await protection.KeyAsync(connection, transaction, key.SchoolYear, key.Year, CancellationToken.None)
                ?? throw new ProtectionPendingException(key.SchoolYear, 1);
            published = await protection.GetAsync(maskKey, CancellationToken.None);
        }
        await using (var command = new NpgsqlCommand(collection.StatisticsSql, connection, transaction))
        {
            command.Parameters.AddWithValue("school_year", key.SchoolYear);
            command.Parameters.Add(new NpgsqlParameter<string?>("band", key.Band) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.AddWithValue("year", key.Year);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                cells.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        await transaction.CommitAsync();

        var rows = cells.Select(c => c.Row).Distinct().ToList();
        var columns = cells.Select(c => c.Column).Distinct().ToList();
        var rowIndex = rows.Select((r, i) => (r, i)).ToDictionary(x => x.r ?? "\0unplaced", x => x.i);
        var columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var students = new long[rows.Count, columns.Count];
        var reports = new long[rows.Count, columns.Count];
        // What this caller sees exactly: the students of its own region, the campuses of its own institution.
        var known = new SuppressionMask(rows.Count, columns.Count);
        foreach (var c in cells)
        {
            var (i, j) = (rowIndex[c.Row ?? "\0unplaced"], columnIndex[c.Column]);
            students[i, j] += c.Students;
            reports[i, j] += c.Reports;
            var campus = collection.Statistics == LayerStatisticsKind.Attendance ? c.Row : c.Column;
            known[i, j] |= policy.KnowsRegion(c.Region) || (campus is { Length: >= 4 } && policy.KnowsInstitution(campus[..4]));
        }
        var band = key.Band ?? AgeBands.All;

        var byFeature = new Dictionary<string, PublishedCounts>(StringComparer.Ordinal);
        var (flowRmc, flowCampus) = (new List<string>(), new List<string>());
        var unplaced = LayerStatisticsTable.None;
        foreach (var c in cells)
        {
            if (c.Row is null)
            {
                if (collection.Id == "rmc-regions")
                {
                    var (u, v) = (rowIndex["\0unplaced"], columnIndex[c.Column]);
                    unplaced = policy.Publish(published, new CellKey(DisclosureTables.Region, band, DisclosureTables.Unplaced, ""),
                        students[u, v], reports[u, v]);
                }
                continue;
            }
            var (i, j) = (rowIndex[c.Row], columnIndex[c.Column]);
            var cell = CellOf(collection, band, c.Row, c.Column);
            var counts = known[i, j] || published is null
                ? PublishedCounts.Of(students[i, j], reports[i, j], suppressed: false)
                : PublishedCounts.Of(students[i, j], reports[i, j], published.StudentsHidden(cell), published.ReportsHidden(cell));
            if (collection.Statistics == LayerStatisticsKind.Flow)
            {
                if (students[i, j] == 0)
                {
                    continue;
                }
                byFeature[$"{c.Row}-{c.Column}"] = counts;
                flowRmc.Add(c.Row);
                flowCampus.Add(c.Column);
            }
            else
            {
                byFeature[c.Row] = counts;
            }
        }
        return new LayerStatisticsTable(byFeature, [.. flowRmc], [.. flowCampus]) { Unplaced = unplaced };
    }

    /// <summary>The cell of the linked tables (<see cref="DisclosureTables"/>) that a feature of this collection publishes.</summary>
    private static CellKey CellOf(LayerCollection collection, string band, string row, string column) => collection.Id switch
    {
        "rmc-regions" => new CellKey(DisclosureTables.Region, band, row, ""),
        "municipalities" => new CellKey(DisclosureTables.Municipality, band, row, ""),
        "postcode-areas" => new CellKey(DisclosureTables.Pc4, band, row, ""),
        "campuses" => new CellKey(DisclosureTables.Campus, band, "", row),
        "flow-lines" => new CellKey(DisclosureTables.CampusFlows, band, row, column),
        _ => throw new InvalidOperationException($"Collection {collection.Id} publishes no counts."),
    };
}
