using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>
/// The analysis parameters of GET /hotspots (school year, age band and year come with <see cref="Counts.CountsQuery"/>);
/// parsed and checked in the handler so every mistake is a 400 problem.
/// </summary>
internal sealed class HotspotsRequest
{
    [FromQuery(Name = "level"), Description("Areas: municipality or pc4 (where the students live).")]
    [DefaultValue("municipality")]
    public string? Level { get; init; }

    [FromQuery(Name = "method"), Description("gistar (Getis-Ord Gi*, hot/cold spots) or moran (local Moran's I, HH/LL/HL/LH).")]
    [DefaultValue("gistar")]
    public string? Method { get; init; }

    [FromQuery(Name = "smooth"), Description("eb (empirical Bayes, spdep EBest) or none (raw rate).")]
    [DefaultValue("eb")]
    public string? Smooth { get; init; }

    [FromQuery(Name = "permutations"), Description("Conditional permutations for the pseudo p (0 = none, at most 9999).")]
    [DefaultValue(999)]
    public int? Permutations { get; init; }

    [FromQuery(Name = "seed"), Description("Seed of the permutations: the same seed gives the same pseudo p.")]
    [DefaultValue(20250101)]
    public ulong? Seed { get; init; }

    [FromQuery(Name = "simplify"), Description("Polygon simplification in metres (0 to 1000); default 50 for pc4, 100 for municipality.")]
    public double? Simplify { get; init; }
}
