namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// The sidecar <c>&lt;output&gt;.json</c> written next to a generated CSV: CSV has no comments, so this is where the
/// data says it is synthetic and how it was made. File names only (no machine paths); SHA-256 in lower-case hex.
/// </summary>
internal sealed record SyntheticManifest(
    string DatasetLabel,
    string Notice,
    string Generator,
    ulong Seed,
    string ParametersFile,
    string ParametersSha256,
    string Pc4LookupFile,
    string Pc4LookupSha256,
    string CampusesFile,
    string CampusesSha256,
    string OutputFile,
    string OutputSha256,
    long OutputBytes,
    long Rows,
    IReadOnlyList<SyntheticYearSummary> Years,
    int Pc4Placed,
    int Pc4WithMunicipalityPoint,
    int Pc4SkippedWithoutPoint,
    int Campuses,
    IReadOnlyList<SyntheticHotspotCoverage> Hotspots,
    IReadOnlyList<SyntheticInstitutionHotspot> InstitutionHotspots,
    IReadOnlyList<SyntheticFactor> InstitutionFactors,
    IReadOnlyList<SyntheticFactor> RegionFactors)
{
    public const string SyntheticNotice = "SYNTHETIC: not real students";
}
