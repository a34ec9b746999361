using System.ComponentModel;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>Query parameters of GET /hotspots; parsed and checked in the handler so every mistake is a 400 problem.</summary>
internal sealed record HotspotsRequest
{
    [Description("Areas: municipality or pc4 (where the students live).")]
    [DefaultValue("municipality")]
    public string? Level { get; init; }

    [Description("gistar (Getis-Ord Gi*, hot/cold spots) or moran (local Moran's I, HH/LL/HL/LH).")]
    [DefaultValue("gistar")]
    public string? Method { get; init; }

    [Description("School year, e.g. 2024-2025; default the latest with counts.")]
    public string? SchoolYear { get; init; }

    [Description("all, under18 or 18plus.")]
    [DefaultValue("all")]
    public string? AgeBand { get; init; }

    [Description("eb (empirical Bayes, spdep EBest) or none (raw rate).")]
    [DefaultValue("eb")]
    public string? Smooth { get; init; }

    [Description("Conditional permutations for the pseudo p (0 = none, at most 9999).")]
    [DefaultValue(999)]
    public int? Permutations { get; init; }

    [Description("Seed of the permutations: the same seed gives the same pseudo p.")]
    [DefaultValue(20250101)]
    public ulong? Seed { get; init; }

    [Description("Polygon simplification in metres (0 to 1000); default 50 for pc4, 100 for municipality.")]
    public double? Simplify { get; init; }

    [Description("Classification year of the geography; default the configured one.")]
    public int? Year { get; init; }
}
