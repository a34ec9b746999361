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
