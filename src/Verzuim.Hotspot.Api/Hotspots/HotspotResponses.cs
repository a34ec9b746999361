using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Hotspots;

internal sealed record HotspotParameters(
    string Level,
    string Method,
    int ClassificationYear,
    string Smooth,
    int Permutations,
    ulong Seed,
    double SimplifyM,
    string Weights,
    string ClassifiedBy);

/// <summary>
/// Areas per class; <see cref="NoData"/> areas have no students or suppressed counts (neither is analysed),
/// <see cref="NoNeighbours"/> no neighbour with data.
/// </summary>
internal sealed record HotspotSummary(int Areas, int NoData, int NoNeighbours, IReadOnlyDictionary<string, int> Classes);

/// <summary>
/// Flat, so GIS tools read it as an attribute table. Counts 1-4 are null with <see cref="Suppressed"/>, and so are
/// the rates derived from them. A suppressed area is not analysed: its statistics are null, its class is NoData, and it
/// is in no neighbour's statistic. Rates are reports per 100 students.
/// </summary>
internal sealed record HotspotProperties(
    string Code,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Students,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? AbsenceReports,
    bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ReportsPer100,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AnalysedPer100,
    int Neighbours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Z,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? P,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? PSim,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? PFdr,
    double? LocalI,
    string Class);
