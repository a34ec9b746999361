namespace Verzuim.Hotspot.Api.Layers;

/// <summary>A link of OGC API Features (RFC 8288 relation, media type, title).</summary>
internal sealed record OgcLink(string Href, string Rel, string Type, string? Title = null);
