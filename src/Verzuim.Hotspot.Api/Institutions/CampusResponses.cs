namespace Verzuim.Hotspot.Api.Institutions;

internal sealed record CampusPlacementInfo(PlacementMethod Method, string? Note);

internal sealed record CampusDetail(string BrinVest, string Brin, string Vestiging, string Name, string? Address, string? Postcode,
    string? Place, bool IsMainLocation, LonLat? Location, CodeName? Municipality, CodeName? RmcRegion, CampusPlacementInfo Placement);

internal sealed record CampusWithInstitution(CodeName Institution, int ClassificationYear, CampusDetail Campus);

internal sealed record InstitutionSummary(string Brin, string Name, string? Website, int CampusCount);

internal sealed record InstitutionDetail(string Brin, string Name, string? Website, int ClassificationYear, IReadOnlyList<CampusDetail> Campuses);
