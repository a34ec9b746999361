namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>Which cells of a <see cref="LinkedTables"/> are hidden, and why: primary (a small count) or secondary (to protect one).</summary>
internal sealed class DisclosureMask
{
    private readonly bool[] _hidden;
    private readonly bool[] _primary;

    public DisclosureMask(LinkedTables tables, int minimumCount)
    {
        Tables = tables;
        MinimumCount = minimumCount;
        _hidden = new bool[tables.Count];
        _primary = new bool[tables.Count];
        for (var c = 0; c < tables.Count; c++)
        {
            _primary[c] = _hidden[c] = IsSmall(tables.Students(c)) || IsSmall(tables.Reports(c));
        }
    }

    public LinkedTables Tables { get; }
    public int MinimumCount { get; }

    public bool IsHidden(int cell) => _hidden[cell];
    public bool IsPrimary(int cell) => _primary[cell];
    public bool IsSecondary(int cell) => _hidden[cell] && !_primary[cell];

    public bool IsSmall(long count) => count > 0 && count < MinimumCount;

    /// <summary>True when the cell's count in this measure is one an intruder must not pin down.</summary>
    public bool NeedsProtection(int cell, Measure measure) => IsSmall(Tables.Value(cell, measure));

    public void Hide(int cell) => _hidden[cell] = true;

    public IEnumerable<int> Hidden => Enumerable.Range(0, _hidden.Length).Where(c => _hidden[c]);

    public bool IsHidden(CellKey key) => Tables.TryFind(key, out var cell) && _hidden[cell];
}
