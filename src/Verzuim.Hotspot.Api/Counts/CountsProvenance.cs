namespace Verzuim.Hotspot.Api.Counts;

/// <summary>
/// Which counts a response is built from, and under which rule: sent with every response built from counts. View is
/// the disclosure view it was built for: public, or the key's role (rmc:MC21, institution:25LX, admin).
/// </summary>
internal sealed record CountsProvenance(
    string SchoolYear,
    string AgeBand,
    string Dataset,
    bool Synthetic,
    long DataVersion,
    string Disclosure,
    string? Notice,
    string View = "public")
{
    public const string SyntheticNotice = "SYNTHETIC DATA: generated for development and demonstration; these are not real students.";
}
