namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>What <see cref="SyntheticCountsGenerator"/> wrote.</summary>
/// <param name="DatasetLabel">From the parameters, e.g. "synthetic-national-v1".</param>
/// <param name="Seed">The seed used.</param>
/// <param name="Rows">Data rows written (header not counted), all years.</param>
/// <param name="Years">Totals per school year, in output order.</param>
/// <param name="Pc4Placed">PC4 that could receive students (population &gt; 0 and a point).</param>
/// <param name="Pc4WithMunicipalityPoint">Of those, PC4 placed at their municipality's mean point.</param>
/// <param name="Pc4SkippedWithoutPoint">PC4 with population but no usable point: no students.</param>
/// <param name="Campuses">Campuses with coordinates that could receive students.</param>
/// <param name="MeanCandidatesPerPc4">Mean number of candidate campuses per PC4 in the gravity model.</param>
/// <param name="Hotspots">Which PC4 and municipalities each planted circle covers.</param>
/// <param name="InstitutionFactors">The drawn absence rate factor per BRIN, sorted by BRIN.</param>
/// <param name="RegionFactors">The drawn absence rate factor per RMC region of residence, sorted by code.</param>
internal sealed record SyntheticSummary(
    string DatasetLabel,
    ulong Seed,
    long Rows,
    IReadOnlyList<SyntheticYearSummary> Years,
    int Pc4Placed,
    int Pc4WithMunicipalityPoint,
    int Pc4SkippedWithoutPoint,
    int Campuses,
    double MeanCandidatesPerPc4,
    IReadOnlyList<SyntheticHotspotCoverage> Hotspots,
    IReadOnlyList<SyntheticFactor> InstitutionFactors,
    IReadOnlyList<SyntheticFactor> RegionFactors);
