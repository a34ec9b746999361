namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Every number the API publishes from the counts of one school year, as cells with students and absence reports, and
/// the equations that link them (total = sum of parts). Cells that are zero in both measures are not in the model: they
/// are published as zeros, so an intruder knows them anyway. Built once, then read only.
/// </summary>
internal sealed class LinkedTables
{
    private readonly Dictionary<CellKey, int> _index = [];
    private readonly List<CellKey> _keys = [];
    private readonly List<long> _students = [];
    private readonly List<long> _reports = [];
    private readonly List<LinkedEquation> _equations = [];
    private readonly List<int[]> _records = [];
    private readonly Dictionary<int, int> _recordOf = [];
    private int[][]? _equationsOf;
    private Dictionary<int, List<int>>? _recordsOf;

    public int Count => _keys.Count;
    public IReadOnlyList<CellKey> Keys => _keys;
    public IReadOnlyList<LinkedEquation> Equations => _equations;

    public long Students(int cell) => _students[cell];
    public long Reports(int cell) => _reports[cell];
    public long Value(int cell, Measure measure) => measure == Measure.Students ? _students[cell] : _reports[cell];

    public bool TryFind(CellKey key, out int cell) => _index.TryGetValue(key, out cell);

    /// <summary>The equations a cell takes part in, as total or as part. Safe to call from several threads.</summary>
    public int[] EquationsOf(int cell)
    {
        var index = _equationsOf;
        if (index is null)
        {
            lock (_equations)
            {
                index = _equationsOf ??= BuildEquationIndex();
            }
        }
        return index[cell];
    }

    private int[][] BuildEquationIndex()
    {
        var lists = Enumerable.Range(0, Count).Select(_ => new List<int>()).ToArray();
        for (var e = 0; e < _equations.Count; e++)
        {
            lists[_equations[e].Total].Add(e);
            foreach (var p in _equations[e].Parts)
            {
                lists[p].Add(e);
            }
        }
        return [.. lists.Select(l => l.ToArray())];
    }

    /// <summary>Adds counts to a cell, creating it when new.</summary>
    public int Add(CellKey key, long students, long reports)
    {
        if (!_index.TryGetValue(key, out var cell))
        {
            cell = _keys.Count;
            _index[key] = cell;
            _keys.Add(key);
            _students.Add(0);
            _reports.Add(0);
        }
        _students[cell] += students;
        _reports[cell] += reports;
        _equationsOf = null;
        return cell;
    }

    /// <summary>
    /// Registers one underlying count (a campus, PC4 and band) by the cells it adds to. Adding to that count moves all
    /// of them and keeps every equation: the perturbation the protector falls back on.
    /// </summary>
    public void AddRecord(int[] cells)
    {
        foreach (var cell in cells)
        {
            _recordOf.TryAdd(cell, _records.Count);
        }
        _records.Add(cells);
        _recordsOf = null;
    }

    /// <summary>The cells of one underlying count that adds to <paramref name="cell"/>.</summary>
    public int[] RecordThrough(int cell) => _records[_recordOf[cell]];

    /// <summary>Every underlying count that adds to <paramref name="cell"/>, by its cells. Safe to call from several threads.</summary>
    public IEnumerable<int[]> RecordsThrough(int cell)
    {
        var index = _recordsOf;
        if (index is null)
        {
            lock (_records)
            {
                index = _recordsOf ??= BuildRecordIndex();
            }
        }
        return index.TryGetValue(cell, out var records) ? records.Select(r => _records[r]) : [];
    }

    private Dictionary<int, List<int>> BuildRecordIndex()
    {
        var index = new Dictionary<int, List<int>>();
        for (var r = 0; r < _records.Count; r++)
        {
            foreach (var cell in _records[r])
            {
                (index.TryGetValue(cell, out var list) ? list : index[cell] = []).Add(r);
            }
        }
        return index;
    }

    public void AddEquation(int total, IEnumerable<int> parts, bool isBand = false)
    {
        var list = parts.Distinct().ToArray();
        if (list.Length > 0)
        {
            _equations.Add(new LinkedEquation(total, list, isBand));
            _equationsOf = null;
        }
    }

    /// <summary>The first equation whose total differs from the sum of its parts, or null: a check on the builder.</summary>
    public LinkedEquation? FirstInconsistent() => _equations.FirstOrDefault(e =>
        _students[e.Total] != e.Parts.Sum(p => _students[p]) || _reports[e.Total] != e.Parts.Sum(p => _reports[p]));
}
