using System.Text.Json.Serialization;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>Change in absence rate between two school years per unit, against the national change.</summary>
internal sealed record TrendsResponse(
    string Level,
    string From,
    string To,
    TrendNational National,
    IReadOnlyList<TrendUnit> Items,
    CountsProvenance FromProvenance,
    CountsProvenance ToProvenance);

/// <summary>Rates in reports per 100 students; relative change = rate(to)/rate(from) - 1.</summary>
internal sealed record TrendNational(double RatePer100From, double RatePer100To, double ChangePer100, double RelativeChange);

/// <summary>
/// <see cref="DifferenceFromNational"/> = relative change - national relative change (negative: better than
/// national). <see cref="Z"/> tests log(rate ratio) against the national log rate ratio with the Poisson standard
/// error sqrt(1/O_from + 1/O_to); <see cref="Verdict"/> is BetterThanNational / WorseThanNational at |z| &gt; 1.96,
/// else InLineWithNational, or InsufficientData without reports in either year. A unit with suppressed counts has no z
/// and the verdict Suppressed: with the published national ratio its z would give its counts back.
/// </summary>
internal sealed record TrendUnit(
    string Code,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PublishedCounts From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PublishedCounts To,
    bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? ChangePer100,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? RelativeChange,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? DifferenceFromNational,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Z,
    string Verdict);
