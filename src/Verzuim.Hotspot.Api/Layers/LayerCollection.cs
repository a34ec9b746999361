namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// A feature collection as the registry describes it. Every SQL fragment here is a constant of the registry, never
/// input: <see cref="FromSql"/> is the FROM clause and <see cref="WhereSql"/> its fixed condition (parameter
/// <c>@year</c> is the classification year; <c>@flow_rmc</c> and <c>@flow_campus</c> the flows of the chosen counts),
/// <see cref="IdSql"/> and <see cref="GeometrySql"/> are expressions over it, the geometry in RD New (EPSG:28992).
/// <see cref="StatisticsSql"/> returns (row_key, column_key, students, reports) for the disclosure table.
/// </summary>
internal sealed record LayerCollection(
    string Id,
    string Title,
    string Description,
    string GeometryType,
    string FromSql,
    string WhereSql,
    string IdSql,
    string GeometrySql,
    IReadOnlyList<LayerProperty> Properties,
    LayerStatisticsKind Statistics,
    string StatisticsSql)
{
    public LayerProperty? FindProperty(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
