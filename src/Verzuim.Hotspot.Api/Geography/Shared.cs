namespace Verzuim.Hotspot.Api.Geography;

/// <summary>A code with its name, as responses name regions, municipalities and institutions.</summary>
internal sealed record CodeName(string Code, string Name);

/// <summary>A WGS84 position (RFC 7946 order: longitude first).</summary>
internal sealed record LonLat(double Lon, double Lat);
