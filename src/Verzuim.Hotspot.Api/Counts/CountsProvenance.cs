namespace Verzuim.Hotspot.Api.Counts;

/// <summary>Which counts a response is built from, and under which rule: sent with every response built from counts.</summary>
internal sealed record CountsProvenance(
    string SchoolYear,
    string AgeBand,
    string Dataset,
    bool Synthetic,
    long DataVersion,
    string Disclosure,
    string? Notice)
{
    public const string SyntheticNotice = "SYNTHETIC DATA: generated for development and demonstration; these are not real students.";
}
