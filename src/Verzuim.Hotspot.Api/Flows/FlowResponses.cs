using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Regions;

namespace Verzuim.Hotspot.Api.Flows;

/// <summary>A matrix row: an RMC region of residence, or the unplaced row (id "unplaced").</summary>
internal sealed record FlowRowResponse(string Id, string Name, bool Unplaced, PublishedCounts Total);

/// <summary>A matrix column: an institution (id = BRIN) or a campus (id = BRIN + vestiging, with the region it lies in).</summary>
internal sealed record FlowColumnResponse(string Id, string Name, string Brin, CodeName? Region, PublishedCounts Total);

/// <summary>One cell; shareOfColumn is the share of the institution's (campus's) students, shareOfRow of the region's.</summary>
internal sealed record FlowCellResponse(string Row, string Column, PublishedCounts Counts, double? ShareOfColumn, double? ShareOfRow);

internal sealed record FlowsResponse(
    CountsProvenance Provenance,
    string By,
    int ClassificationYear,
    PublishedCounts Total,
    IReadOnlyList<FlowRowResponse> Rows,
    IReadOnlyList<FlowColumnResponse> Columns,
    IReadOnlyList<FlowCellResponse> Cells,
    string CellsListed);

internal sealed record FlowmapLocation(string Id, string Name, double Lat, double Lon);

internal sealed record FlowmapFlow(string Origin, string Dest, long Count);

/// <summary>The flowmap.gl / flowmap.blue shape; suppressed flows and flows without two points are left out.</summary>
internal sealed record FlowmapResponse(CountsProvenance Provenance, IReadOnlyList<FlowmapLocation> Locations, IReadOnlyList<FlowmapFlow> Flows,
    string Omitted);

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
