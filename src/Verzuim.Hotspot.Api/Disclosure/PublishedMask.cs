namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// What identifies one joint protection: the school year's counts (its import), the geography that places them (the
/// classification year and when it was loaded) and the minimum count. Any of them changing makes a new protection.
/// </summary>
internal sealed record MaskKey(string SchoolYear, int ClassificationYear, long ImportId, DateTime GeographyLoadedAt, int MinimumCount);

/// <summary>
/// The cells of one school year's linked tables (<see cref="DisclosureTables"/>) that the public may not see, per
/// measure: a cell not listed is shown. Every endpoint that publishes counts reads this one mask, so no two outputs
/// protect the same number differently. Immutable; shared by all requests.
/// </summary>
internal sealed class PublishedMask(MaskKey key, IReadOnlyDictionary<CellKey, HiddenMeasures> hidden)
{
    public MaskKey Key { get; } = key;

    public int HiddenCells => hidden.Count;

    /// <summary>The fingerprint of the linked tables it protects (<see cref="ShippedProtection.Fingerprint"/>).</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The cell's students are hidden; its reports then are too.</summary>
    public bool StudentsHidden(CellKey cell) => hidden.TryGetValue(cell, out var h) && h.HasFlag(HiddenMeasures.Students);

    /// <summary>The cell's reports (and the rate derived from them) are hidden; its students may still be shown.</summary>
    public bool ReportsHidden(CellKey cell) => hidden.TryGetValue(cell, out var h) && h != HiddenMeasures.None;

    public IEnumerable<KeyValuePair<CellKey, HiddenMeasures>> Hidden => hidden;

    public static PublishedMask From(MaskKey key, DisclosureMask mask, string fingerprint)
    {
        var hidden = new Dictionary<CellKey, HiddenMeasures>();
        for (var c = 0; c < mask.Tables.Count; c++)
        {
            var h = (mask.IsHidden(c, Measure.Students) ? HiddenMeasures.Students : HiddenMeasures.None)
                | (mask.IsHidden(c, Measure.Reports) ? HiddenMeasures.Reports : HiddenMeasures.None);
            if (h != HiddenMeasures.None)
            {
                hidden[mask.Tables.Keys[c]] = h;
            }
        }
        return new PublishedMask(key, hidden) { Fingerprint = fingerprint };
    }

    /// <summary>The reverse of <see cref="From"/>: this protection laid over the tables it was computed for.</summary>
    public DisclosureMask Over(LinkedTables tables, int minimumCount)
    {
        var mask = new DisclosureMask(tables, minimumCount);
        foreach (var (key, measures) in hidden)
        {
            if (!tables.TryFind(key, out var cell))
            {
                continue;
            }
            if (measures.HasFlag(HiddenMeasures.Students))
            {
                mask.Hide(cell, Measure.Students);
            }
            if (measures.HasFlag(HiddenMeasures.Reports))
            {
                mask.HideOnly(cell, Measure.Reports);
            }
        }
        return mask;
    }
}

[Flags]
internal enum HiddenMeasures : byte
{
    None = 0,
    Students = 1,
    Reports = 2,
}
