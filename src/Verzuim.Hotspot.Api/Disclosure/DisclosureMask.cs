namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Which counts of a <see cref="LinkedTables"/> are hidden, per measure, and why: primary (a small count) or secondary
/// (to protect one). The students and the absence reports of the cells form two separate systems of equations, so a
/// cell whose only small count is its reports keeps its students shown; a cell whose students are hidden hides its
/// reports too (the reports of a handful of students are theirs). The reports rate is shown only where both are.
/// </summary>
internal sealed class DisclosureMask
{
    private readonly bool[][] _hidden;
    private readonly bool[][] _primary;

    /// <param name="smallReportsHideStudents">The old rule's way: a cell with a small count of reports hides its students too.</param>
    public DisclosureMask(LinkedTables tables, int minimumCount, bool smallReportsHideStudents = false)
    {
        Tables = tables;
        MinimumCount = minimumCount;
        _hidden = [new bool[tables.Count], new bool[tables.Count]];
        _primary = [new bool[tables.Count], new bool[tables.Count]];
        for (var c = 0; c < tables.Count; c++)
        {
            var (students, reports) = (IsSmall(tables.Students(c)), IsSmall(tables.Reports(c)));
            _primary[(int)Measure.Students][c] = _hidden[(int)Measure.Students][c] = students || (reports && smallReportsHideStudents);
            _primary[(int)Measure.Reports][c] = _hidden[(int)Measure.Reports][c] = students || reports;
        }
    }

    public LinkedTables Tables { get; }
    public int MinimumCount { get; }

    public bool IsHidden(int cell, Measure measure) => _hidden[(int)measure][cell];

    /// <summary>True when anything of the cell is hidden (its reports are, whenever its students are).</summary>
    public bool IsHidden(int cell) => _hidden[(int)Measure.Reports][cell];

    public bool IsPrimary(int cell, Measure measure) => _primary[(int)measure][cell];
    public bool IsSecondary(int cell, Measure measure) => _hidden[(int)measure][cell] && !_primary[(int)measure][cell];

    public bool IsSmall(long count) => count > 0 && count < MinimumCount;

    /// <summary>How many counts (cell and measure) an intruder must not pin down: the targets of the protection.</summary>
    public int SmallCounts => Enumerable.Range(0, Tables.Count)
        .Sum(c => (NeedsProtection(c, Measure.Students) ? 1 : 0) + (NeedsProtection(c, Measure.Reports) ? 1 : 0));

    /// <summary>True when the cell's count in this measure is one an intruder must not pin down.</summary>
    public bool NeedsProtection(int cell, Measure measure) => IsSmall(Tables.Value(cell, measure));

    /// <summary>Hides the cell in this measure; hiding its students hides its reports too.</summary>
    public void Hide(int cell, Measure measure)
    {
        _hidden[(int)measure][cell] = true;
        _hidden[(int)Measure.Reports][cell] = true;
    }

    /// <summary>
    /// Hides the cell in this measure alone, for the protector's passes, one per measure (side by side in the benchmark's
    /// comparison); they end with <see cref="HideReportsOfHiddenStudents"/>. Each pass reads only its own measure's cells.
    /// </summary>
    public void HideOnly(int cell, Measure measure) => _hidden[(int)measure][cell] = true;

    /// <summary>Sets whether the cell is hidden in this measure alone: for views derived from a mask (<see cref="RoleKnowledge.AsSeenBy"/>).</summary>
    public void SetHidden(int cell, Measure measure, bool hidden) => _hidden[(int)measure][cell] = hidden;

    /// <summary>Restores the rule that hidden students hide their reports.</summary>
    public void HideReportsOfHiddenStudents()
    {
        for (var c = 0; c < Tables.Count; c++)
        {
            _hidden[(int)Measure.Reports][c] |= _hidden[(int)Measure.Students][c];
        }
    }

    /// <summary>Hides both counts of the cell.</summary>
    public void Hide(int cell) => Hide(cell, Measure.Students);

    /// <summary>The cells whose students are hidden.</summary>
    public IEnumerable<int> Hidden => Enumerable.Range(0, Tables.Count).Where(c => IsHidden(c, Measure.Students));

    public bool IsHidden(CellKey key, Measure measure) => Tables.TryFind(key, out var cell) && IsHidden(cell, measure);

    /// <summary>True when anything of the cell is hidden.</summary>
    public bool IsHidden(CellKey key) => Tables.TryFind(key, out var cell) && IsHidden(cell);
}
