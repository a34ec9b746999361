using System.Text.Json.Serialization;
using Verzuim.Hotspot.Api.Geo;

namespace Verzuim.Hotspot.Api.Layers;

// The small JSON documents of OGC API Features Part 1 and 2, kept together because each is a few fields.

internal sealed record LandingPage(string Title, string Description, IReadOnlyList<OgcLink> Links);

internal sealed record ConformanceDeclaration(IReadOnlyList<string> ConformsTo);

internal sealed record CollectionsDocument(IReadOnlyList<OgcLink> Links, IReadOnlyList<CollectionDocument> Collections, IReadOnlyList<string> Crs);

internal sealed record CollectionDocument(
    string Id,
    string Title,
    string Description,
    string ItemType,
    string GeometryType,
    IReadOnlyList<string> Crs,
    string StorageCrs,
    CollectionExtent Extent,
    IReadOnlyList<OgcLink> Links);

internal sealed record CollectionExtent(SpatialExtent Spatial);

internal sealed record SpatialExtent(IReadOnlyList<double[]> Bbox, string Crs);

/// <summary>For the OpenAPI document only: the shape of an items answer (features are streamed, see FeaturesResult).</summary>
internal sealed record GeoJsonFeatureCollection(
    string Type,
    long NumberMatched,
    int NumberReturned,
    IReadOnlyList<OgcLink> Links,
    IReadOnlyList<GeoJsonFeature> Features);

/// <summary>For the OpenAPI document only: one GeoJSON feature; geometry per RFC 7946.</summary>
internal sealed record GeoJsonFeature(string Type, string Id, GeoJsonGeometry? Geometry, IReadOnlyDictionary<string, object?> Properties);

internal sealed record TileJson(
    string Tilejson,
    string Name,
    string Description,
    IReadOnlyList<string> Tiles,
    int Minzoom,
    int Maxzoom,
    IReadOnlyList<double> Bounds,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<VectorLayer> VectorLayers);

internal sealed record VectorLayer(string Id, string Description, IReadOnlyDictionary<string, string> Fields);
