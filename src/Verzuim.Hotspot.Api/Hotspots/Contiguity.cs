namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// Queen contiguity of one level in one classification year. <see cref="Codes"/> is ordered by code;
/// <see cref="Neighbours"/>[i] lists the indices touching area i (never i itself). Areas without a polygon
/// are included with no neighbours, so they are reported rather than dropped.
/// </summary>
internal sealed class Contiguity
{
    private readonly Dictionary<string, int> _index;

    public Contiguity(AreaLevel level, int classificationYear, IReadOnlyList<string> codes, IReadOnlyList<bool> hasGeometry, int[][] neighbours)
    {
        Level = level;
        ClassificationYear = classificationYear;
        Codes = codes;
        HasGeometry = hasGeometry;
        Neighbours = neighbours;
        _index = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            _index.Add(codes[i], i);
        }
    }

    public AreaLevel Level { get; }
    public int ClassificationYear { get; }
    public IReadOnlyList<string> Codes { get; }
    public IReadOnlyList<bool> HasGeometry { get; }
    public int[][] Neighbours { get; }
    public int Count => Codes.Count;

    public int IndexOf(string code) => _index.TryGetValue(code, out var i) ? i : -1;

    /// <summary>Builds the symmetric lists from pairs (a, b) with a &lt; b, as the SQL returns them.</summary>
    public static Contiguity FromPairs(AreaLevel level, int classificationYear, IReadOnlyList<string> codes, IReadOnlyList<bool> hasGeometry,
        IEnumerable<(string A, string B)> pairs)
    {
        var lists = new List<int>[codes.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }
        var result = new Contiguity(level, classificationYear, codes, hasGeometry, []);
        foreach (var (a, b) in pairs)
        {
            int i = result.IndexOf(a), j = result.IndexOf(b);
            if (i < 0 || j < 0 || i == j)
            {
                continue;
            }
            lists[i].Add(j);
            lists[j].Add(i);
        }
        return new Contiguity(level, classificationYear, codes, hasGeometry,
            [.. lists.Select(l => l.Distinct().Order().ToArray())]);
    }
}
