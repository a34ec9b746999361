namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// Built vector tiles, per data version: a tile only changes when the data does, and building one (projecting and
/// simplifying every geometry it touches) costs far more than serving it. A cache of its own so that tiles, which are
/// many and small, have their own memory budget (Layers:TileCacheMegabytes) and cannot push out the computed answers.
/// </summary>
internal sealed class LayerTileCache(IOptions<LayersOptions> options) : VersionedCache(options.Value.TileCacheMegabytes)
{
    public const string Family = "tiles";
}
