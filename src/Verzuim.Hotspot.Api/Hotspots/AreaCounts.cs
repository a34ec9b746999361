namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>Students living in one area (all campuses) and their absence reports.</summary>
internal sealed record AreaCounts(string Code, string Name, long Students, long Reports);
