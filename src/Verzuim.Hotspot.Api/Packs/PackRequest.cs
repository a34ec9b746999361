using System.ComponentModel;
using Microsoft.Extensions.Options;
using Npgsql;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Flows;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Hotspots;

namespace Verzuim.Hotspot.Api.Packs;

/// <summary>Query parameters of both packs.</summary>
internal sealed record PackRequest
{
    [Description("School year, e.g. 2024-2025; default the latest with counts.")]
    public string? SchoolYear { get; init; }

    [Description("18plus (default) | under18 | all")]
    [DefaultValue("18plus")]
    public string? AgeBand { get; init; }

    [Description("Agenda rule: share of the institution's students the partners must reach together (default 0.8).")]
    public double? Coverage { get; init; }

    [Description("Agenda rule: any region with at least this share is a partner too (default 0.02).")]
    public double? MinShare { get; init; }

    [Description("nl (default) or en.")]
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
    IOptions<GeographyOptions> Options);
