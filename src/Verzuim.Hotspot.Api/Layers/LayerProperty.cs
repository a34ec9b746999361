namespace Verzuim.Hotspot.Api.Layers;

internal enum LayerPropertyType
{
    String,
    Integer,
    Number,
    Boolean,
}

/// <summary>
/// One attribute of a collection: its public name, the SQL expression that reads it (written here, never taken from
/// input) and whether it may be used as an equality filter on items.
/// </summary>
internal sealed record LayerProperty(string Name, string Sql, LayerPropertyType Type, string Description, bool Queryable = false);
