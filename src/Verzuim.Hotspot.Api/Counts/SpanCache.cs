namespace Verzuim.Hotspot.Api.Counts;

/// <summary>
/// Remembers what a column value parsed to. Counts files repeat a few thousand distinct codes over hundreds of
/// thousands of rows, so each distinct value is validated and allocated once, and looked up by span after that.
/// </summary>
internal sealed class SpanCache<T>(Func<string, T> parse)
{
    // A file of endless distinct (bad) values must not grow memory without bound: past this, parse without caching.
    private const int MaxEntries = 100_000;
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

    public T Get(ReadOnlySpan<char> key)
    {
        var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(key, out var value))
        {
            var text = key.ToString();
            value = parse(text);
            if (_values.Count < MaxEntries)
            {
                _values[text] = value;
            }
        }
        return value;
    }
}
