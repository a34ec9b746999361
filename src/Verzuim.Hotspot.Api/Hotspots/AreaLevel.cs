namespace Verzuim.Hotspot.Api.Hotspots;

/// <summary>The areas a hotspot map is drawn on: where the students live.</summary>
internal enum AreaLevel
{
    Municipality,
    Pc4,
}
