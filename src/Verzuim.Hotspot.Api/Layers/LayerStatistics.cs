namespace Verzuim.Hotspot.Api.Layers;

/// <summary>The published counts of one collection for one school year, age band and data version.</summary>
internal sealed record LayerStatisticsTable(IReadOnlyDictionary<string, PublishedCounts> ByFeature, string[] FlowRmc, string[] FlowCampus)
{
    private static readonly PublishedCounts None = PublishedCounts.Of(0, 0, suppressed: false);

    public PublishedCounts For(string featureId) => ByFeature.GetValueOrDefault(featureId, None);
}

/// <summary>
/// Aggregates and suppresses the counts behind a layer once per data version (the aggregation reads every count row;
/// the layers are requested far more often than the data changes). Suppression is <see cref="TableSuppression"/> on
/// the whole table, unplaced students included as a row, so a filtered or paged request cannot undo it.
/// </summary>
internal sealed class LayerStatistics(NpgsqlDataSource dataSource, VersionedCache cache)
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
        await using (var command = dataSource.CreateCommand(collection.StatisticsSql))
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

        var rows = cells.Select(c => c.Row).Distinct().ToList();
        var columns = cells.Select(c => c.Column).Distinct().ToList();
        var rowIndex = rows.Select((r, i) => (r, i)).ToDictionary(x => x.r ?? "\0unplaced", x => x.i);
        var columnIndex = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var students = new long[rows.Count, columns.Count];
        var reports = new long[rows.Count, columns.Count];
        // What this caller sees exactly: the students of its own region, the campuses of its own institution. Those cells
        // are never hidden and count as shown when a line is protected, so they cannot reveal anyone else's.
        var known = new SuppressionMask(rows.Count, columns.Count);
        foreach (var c in cells)
        {
            var (i, j) = (rowIndex[c.Row ?? "\0unplaced"], columnIndex[c.Column]);
            students[i, j] += c.Students;
            reports[i, j] += c.Reports;
            var campus = collection.Statistics == LayerStatisticsKind.Attendance ? c.Row : c.Column;
            known[i, j] |= policy.KnowsRegion(c.Region) || (campus is { Length: >= 4 } && policy.KnowsInstitution(campus[..4]));
        }
        var mask = TableSuppression.Suppress(students, reports, policy, forced: null, known);

        var published = new Dictionary<string, PublishedCounts>(StringComparer.Ordinal);
        var (flowRmc, flowCampus) = (new List<string>(), new List<string>());
        foreach (var c in cells)
        {
            if (c.Row is null)
            {
                continue;
            }
            var (i, j) = (rowIndex[c.Row], columnIndex[c.Column]);
            var counts = PublishedCounts.Of(students[i, j], reports[i, j], mask.Cell(i, j));
            if (collection.Statistics == LayerStatisticsKind.Flow)
            {
                if (students[i, j] == 0)
                {
                    continue;
                }
                published[$"{c.Row}-{c.Column}"] = counts;
                flowRmc.Add(c.Row);
                flowCampus.Add(c.Column);
            }
            else
            {
                published[c.Row] = counts;
            }
        }
        return new LayerStatisticsTable(published, [.. flowRmc], [.. flowCampus]);
    }
}
