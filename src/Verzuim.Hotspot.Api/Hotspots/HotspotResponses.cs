using System.Text.Json;
using System.Text.Json.Serialization;
using Verzuim.Hotspot.Api.Disclosure;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// A GeoJSON FeatureCollection (RFC 7946, WGS84) named "hotspots", with the parameters, a class summary, the
/// unplaced students and the provenance of the counts as foreign members.
/// </summary>
internal sealed record HotspotCollection(
    string Type,
    string Name,
    HotspotParameters Parameters,
    HotspotSummary Summary,
    PublishedCounts Unplaced,
    CountsProvenance Provenance,
    IReadOnlyList<HotspotFeature> Features);

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

/// <summary>Areas per class; <see cref="NoData"/> areas have no students, <see cref="NoNeighbours"/> no neighbour with data.</summary>
internal sealed record HotspotSummary(int Areas, int NoData, int NoNeighbours, IReadOnlyDictionary<string, int> Classes);

internal sealed record HotspotFeature(
    string Type,
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? Geometry,
    HotspotProperties Properties);

/// <summary>
/// Flat, so GIS tools read it as an attribute table. Counts 1-4 are null with <see cref="Suppressed"/>, and so are
/// the rates derived from them; z and p are published for every area with data. Rates are reports per 100 students.
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
