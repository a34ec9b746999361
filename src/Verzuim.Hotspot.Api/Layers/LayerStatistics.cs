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
        var published = await protection.ForSnapshotAsync(connection, transaction, key.SchoolYear, key.Year, policy, CancellationToken.None);
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

        // Each row of the statistics query is one cell of the linked tables (the queries group by the feature), so it is
        // published as it is, under the caller's view of the mask: its own region or institution exact.
        var band = key.Band ?? AgeBands.All;
        var byFeature = new Dictionary<string, PublishedCounts>(StringComparer.Ordinal);
        var (flowRmc, flowCampus) = (new List<string>(), new List<string>());
        var unplaced = LayerStatisticsTable.None;
        foreach (var c in cells)
        {
            var campus = collection.Statistics == LayerStatisticsKind.Attendance ? c.Row : c.Column;
            var brin = campus is { Length: >= 4 } ? campus[..4] : null;
            if (c.Row is null)
            {
                if (collection.Id == "rmc-regions")
                {
                    unplaced = policy.Publish(published, new CellKey(DisclosureTables.Region, band, DisclosureTables.Unplaced, ""),
                        c.Students, c.Reports);
                }
                continue;
            }
            var counts = policy.Publish(published, CellOf(collection, band, c.Row, c.Column), c.Students, c.Reports, c.Region, brin);
            if (collection.Statistics == LayerStatisticsKind.Flow)
            {
                if (c.Students == 0)
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
