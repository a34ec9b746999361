using Verzuim.Hotspot.Api.Regions;

namespace Verzuim.Hotspot.Api.Agenda;

internal sealed record PartnerCampus(string BrinVest, string Name, PublishedCounts Counts);

internal sealed record AgendaPartner(
    string Code,
    string Name,
    ContactMunicipality ContactMunicipality,
    int? Rank,
    string Reason,
    PublishedCounts Counts,
    double? Share,
    double? CumulativeShare,
    IReadOnlyList<PartnerCampus>? Campuses);

internal sealed record AgendaPartnersResponse(
    CountsProvenance Provenance,
    string Code,
    string Name,
    string Brin,
    CodeName? Region,
    double Coverage,
    double MinShare,
    string Rule,
    PublishedCounts Total,
    PublishedCounts Unplaced,
    bool CoverageReached,
    IReadOnlyList<AgendaPartner> Partners);

internal sealed record RankedFlow(string Code, string Name, int? Rank, PublishedCounts Counts, double? Share, double? CumulativeShare, CodeName? Region);

internal sealed record RegionInstitutionsResponse(
    CountsProvenance Provenance,
    string Code,
    string Name,
    ContactMunicipality? ContactMunicipality,
    string Rule,
    PublishedCounts Total,
    IReadOnlyList<RankedFlow> Institutions,
    IReadOnlyList<RankedFlow> Campuses);

internal sealed record AgendaTablePartner(string Code, string Name, double? Share, bool Suppressed);

internal sealed record AgendaTable(string Brin, string Name, bool CoverageReached, int PartnerCount, IReadOnlyList<AgendaTablePartner> Partners);

internal sealed record RegionTables(string Code, string Name, int TableCount, IReadOnlyList<string> Institutions);

internal sealed record AgendaSummary(int Institutions, double MedianRegionsPerInstitution, int MaxRegionsPerInstitution,
    double MedianTablesPerRegion, int MaxTablesPerRegion);

internal sealed record AgendaTablesResponse(
    CountsProvenance Provenance,
    double Coverage,
    double MinShare,
    string Rule,
    AgendaSummary Summary,
    IReadOnlyList<AgendaTable> Institutions,
    IReadOnlyList<RegionTables> Regions);
