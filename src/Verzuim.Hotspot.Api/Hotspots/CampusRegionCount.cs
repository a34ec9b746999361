namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>One row of <see cref="HotspotsSql.CampusRegionCounts"/>; <see cref="RmcCode"/> is null for unplaced residents.</summary>
internal sealed record CampusRegionCount(
    string BrinVest,
    string Brin,
    string InstitutionName,
    string CampusName,
    string? Place,
    string? RmcCode,
    string? RmcName,
    string AgeBand,
    long Students,
    long Reports);
