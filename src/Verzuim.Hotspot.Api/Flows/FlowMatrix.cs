namespace Verzuim.Hotspot.Api.Flows;

/// <summary>
/// Regions of residence (plus the unplaced row, always last) by institutions or campuses, with exact counts and the
/// suppression mask under which they may be published. Immutable once built, so it is shared through the cache.
/// </summary>
internal sealed class FlowMatrix
{
    private readonly Dictionary<string, int> _rowIndex;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly long[] _rowStudents, _rowReports, _columnStudents, _columnReports;

    public FlowMatrix(FlowDimension by, IReadOnlyList<FlowRow> rows, IReadOnlyList<FlowColumn> columns, long[,] students, long[,] reports,
        SuppressionMask mask)
    {
        (By, Rows, Columns, Students, Reports, Mask) = (by, rows, columns, students, reports, mask);
        _rowIndex = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _columnIndex = columns.Select((c, j) => (c.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        (_rowStudents, _rowReports) = (new long[rows.Count], new long[rows.Count]);
        (_columnStudents, _columnReports) = (new long[columns.Count], new long[columns.Count]);
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < columns.Count; j++)
            {
                _rowStudents[i] += students[i, j];
                _rowReports[i] += reports[i, j];
                _columnStudents[j] += students[i, j];
                _columnReports[j] += reports[i, j];
            }
        }
        GrandStudents = _rowStudents.Sum();
        GrandReports = _rowReports.Sum();
    }

    public FlowDimension By { get; }

    /// <summary>Two counts and a mask bit per cell, plus the labels: what the cache charges for this matrix.</summary>
    public long ApproximateBytes => (17L * Rows.Count * Columns.Count) + (256L * (Rows.Count + Columns.Count));
    public IReadOnlyList<FlowRow> Rows { get; }
    public IReadOnlyList<FlowColumn> Columns { get; }
    public long[,] Students { get; }
    public long[,] Reports { get; }
    public SuppressionMask Mask { get; }
    public long GrandStudents { get; }
    public long GrandReports { get; }

    public int? RowOf(string id) => _rowIndex.TryGetValue(id, out var i) ? i : null;
    public int? ColumnOf(string id) => _columnIndex.TryGetValue(id, out var j) ? j : null;

    public long RowStudents(int i) => _rowStudents[i];
    public long ColumnStudents(int j) => _columnStudents[j];

    public PublishedCounts Cell(int i, int j) => Publish(Students[i, j], Reports[i, j], i, j);
    public PublishedCounts RowTotal(int i) => Publish(_rowStudents[i], _rowReports[i], i, Columns.Count);
    public PublishedCounts ColumnTotal(int j) => Publish(_columnStudents[j], _columnReports[j], Rows.Count, j);
    public PublishedCounts GrandTotal => Publish(GrandStudents, GrandReports, Rows.Count, Columns.Count);

    /// <summary>Cell (i, j) as a part of a line, with what of it is hidden.</summary>
    public FlowPart Part(int index, string id, int i, int j) =>
        new(index, id, Students[i, j], Reports[i, j], Mask.Cell(i, j)) { ReportsHidden = Mask.ReportsHidden(i, j) };

    private PublishedCounts Publish(long students, long reports, int i, int j) =>
        PublishedCounts.Of(students, reports, Mask[i, j], Mask.ReportsHidden(i, j));

    /// <summary>A cell worth listing: it has students or reports, or it is hidden (a secondary suppression may hide a zero).</summary>
    public bool IsListed(int i, int j) => Students[i, j] > 0 || Reports[i, j] > 0 || Mask.Cell(i, j);
}
