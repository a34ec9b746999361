using System.Text.Json.Serialization;
using Verzuim.Hotspot.Api.Hotspots.Statistics;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// Funnel-plot units, sorted by adjusted z (highest first). <see cref="Phi"/> and <see cref="Tau2"/> are the
/// over-dispersion estimate and the random-effect variance used for every unit's limits. Only units whose counts are
/// published are analysed and listed; <see cref="SuppressedUnits"/> counts the others, which publish nothing.
/// </summary>
internal sealed record OutliersResponse(
    string Level,
    string Flag,
    int Units,
    int SuppressedUnits,
    double Phi,
    double Tau2,
    bool OverdispersionCorrected,
    IReadOnlyDictionary<string, double> NationalRatePer100,
    PublishedCounts UnplacedResidents,
    IReadOnlyList<OutlierUnit> Items,
    CountsProvenance Provenance);

/// <summary>
/// One institution x region cell, campus or institution. Observed = its absence reports; expected = its students
/// per age band x the national rate of that band. Units with suppressed counts are not listed (see
/// <see cref="OutliersResponse.SuppressedUnits"/>): <see cref="Suppressed"/> is false, and the nullable fields are
/// set, for every unit listed; they stay in the shape for clients that read them.
/// </summary>
internal sealed record OutlierUnit(
    string Id,
    string Name,
    string Brin,
    string? BrinVest,
    string? RmcCode,
    string? RmcName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Students,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Observed,
    bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Expected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Ratio,
    double Z,
    double AdjustedZ,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OutlierLimits? Limits,
    FunnelFlag Flag95,
    FunnelFlag Flag998);

/// <summary>Control limits on the ratio (observed / expected) scale, including tau^2 when corrected.</summary>
internal sealed record OutlierLimits(double Lower95, double Upper95, double Lower998, double Upper998);
