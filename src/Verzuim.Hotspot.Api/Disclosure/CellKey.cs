namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// Names one published number: the table it sits in (<see cref="DisclosureTables"/>), the age band
/// (under18, 18plus or all), and its row and column in that table ("" where the table has only one).
/// </summary>
internal readonly record struct CellKey(string Table, string Band, string Row, string Column)
{
    public override string ToString() => $"{Table}[{Band}] {Row}/{Column}";
}
