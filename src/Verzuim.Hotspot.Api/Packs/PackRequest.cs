using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Verzuim.Hotspot.Api.Flows;
using Verzuim.Hotspot.Api.Hotspots;
using Verzuim.Hotspot.Api.Layers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Verzuim.Hotspot.Api.Packs;

/// <summary>The packs' own query parameters; schoolYear, ageBand and year come from <see cref="CountsQuery"/>.</summary>
internal sealed record PackRequest
{
    [FromQuery(Name = "coverage"), Description("Agenda rule: share of the institution's students the partners must reach together (default 0.8).")]
    public double? Coverage { get; init; }

    [FromQuery(Name = "minShare"), Description("Agenda rule: any region with at least this share is a partner too (default 0.02).")]
    public double? MinShare { get; init; }

    [FromQuery(Name = "lang"), Description("nl (default) or en.")]
    [DefaultValue("nl")]
    public string? Lang { get; init; }
}

/// <summary>What the packs read from: the same services the flows, agenda, outliers, trends and hotspots endpoints use.</summary>
internal sealed record PackServices(
    HotspotDbContext Db,
    DisclosurePolicy Policy,
    FlowMatrixSource Source,
    NpgsqlDataSource DataSource,
    ContiguityCache Contiguity,
    AreaGeometryCache Geometries,
    VersionedCache Cache,
    LayerStatistics Layers,
    ProtectionStore Protection,
    IOptions<GeographyOptions> Options,
    IOptions<JsonOptions> Json);
