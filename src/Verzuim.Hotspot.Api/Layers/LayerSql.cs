using System.Text;
using NetTopologySuite.Geometries;
using NpgsqlTypes;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>
/// Builds the items and tile queries of a collection. Identifiers and SQL fragments come only from the registry and
/// from <see cref="LayerCrs"/>; every value from the request is a parameter.
/// </summary>
internal static class LayerSql
{
    /// <summary>The properties to select, in registry order.</summary>
    public static IReadOnlyList<LayerProperty> Selected(LayerCollection collection, ItemsRequest request) =>
        [.. collection.Properties.Where(p => request.Wants(p.Name))];

    public static NpgsqlCommand Items(NpgsqlConnection connection, LayerCollection collection, ItemsRequest request, int year,
        LayerStatisticsTable? statistics, string? featureId)
    {
        var polygons = collection.GeometryType.EndsWith("Polygon", StringComparison.Ordinal);
        // GEOS returns a one-part MultiPolygon as a Polygon after simplifying; ST_Multi keeps the declared type.
        var geometry = request.SimplifyMetres is > 0
            ? (polygons ? $"ST_Multi(ST_SimplifyPreserveTopology({collection.GeometrySql}, @tolerance))" : $"ST_SimplifyPreserveTopology({collection.GeometrySql}, @tolerance)")
            : collection.GeometrySql;
        var sql = new StringBuilder()
            .Append("select (").Append(collection.IdSql).Append(")::text as id, ST_AsGeoJSON(")
            .Append(request.Crs.Output(geometry, polygons)).Append(", @precision) as geometry");
        var i = 0;
        foreach (var property in Selected(collection, request))
        {
            sql.Append(", ").Append(property.Sql).Append(" as p").Append(i++);
        }
        var command = new NpgsqlCommand { Connection = connection };
        AppendFromWhere(sql, command, collection, request, year, statistics, featureId);
        sql.Append(" order by 1");
        if (featureId is null)
        {
            sql.Append(" limit @limit offset @offset");
            command.Parameters.AddWithValue("limit", request.Limit);
            command.Parameters.AddWithValue("offset", request.Offset);
        }
        command.Parameters.AddWithValue("precision", request.Precision);
        if (request.SimplifyMetres is > 0)
        {
            command.Parameters.AddWithValue("tolerance", request.SimplifyMetres.Value);
        }
        command.CommandText = sql.ToString();
        return command;
    }

    public static NpgsqlCommand Count(NpgsqlConnection connection, LayerCollection collection, ItemsRequest request, int year,
        LayerStatisticsTable? statistics)
    {
        var sql = new StringBuilder("select count(*)");
        var command = new NpgsqlCommand { Connection = connection };
        AppendFromWhere(sql, command, collection, request, year, statistics, featureId: null);
        command.CommandText = sql.ToString();
        return command;
    }

    private static void AppendFromWhere(StringBuilder sql, NpgsqlCommand command, LayerCollection collection, ItemsRequest request,
        int year, LayerStatisticsTable? statistics, string? featureId)
    {
        sql.Append(" from ").Append(collection.FromSql).Append(" where ").Append(collection.WhereSql);
        if (request.Bbox is { } bbox)
        {
            AppendBbox(sql, command, collection, request.BboxCrs.BboxInRd(bbox));
        }
        var f = 0;
        foreach (var (property, value) in request.Filters)
        {
            sql.Append(" and (").Append(property.Sql).Append(")::text = @filter").Append(f);
            command.Parameters.AddWithValue($"filter{f++}", value);
        }
        if (featureId is not null)
        {
            sql.Append(" and (").Append(collection.IdSql).Append(")::text = @id");
            command.Parameters.AddWithValue("id", featureId);
        }
        AddCommonParameters(command, collection, year, statistics);
    }

    /// <summary>
    /// The stored RD geometry against the bbox already in RD: its envelope for the GiST index, then the precise
    /// intersection with the transformed box, whose edges are curved in RD where the box was lon/lat.
    /// </summary>
    private static void AppendBbox(StringBuilder sql, NpgsqlCommand command, LayerCollection collection, Polygon? area)
    {
        if (area is null)
        {
            sql.Append(" and false");
            return;
        }
        var envelope = area.EnvelopeInternal;
        sql.Append(" and ").Append(collection.GeometrySql)
            .Append(" && ST_MakeEnvelope(@bbox_x0, @bbox_y0, @bbox_x1, @bbox_y1, 28992) and ST_Intersects(")
            .Append(collection.GeometrySql).Append(", @bbox_area)");
        command.Parameters.AddWithValue("bbox_x0", envelope.MinX);
        command.Parameters.AddWithValue("bbox_y0", envelope.MinY);
        command.Parameters.AddWithValue("bbox_x1", envelope.MaxX);
        command.Parameters.AddWithValue("bbox_y1", envelope.MaxY);
        command.Parameters.AddWithValue("bbox_area", area);
    }

    private static void AddCommonParameters(NpgsqlCommand command, LayerCollection collection, int year, LayerStatisticsTable? statistics)
    {
        command.Parameters.AddWithValue("year", year);
        if (collection.Statistics == LayerStatisticsKind.Flow)
        {
            command.Parameters.Add(new NpgsqlParameter("flow_rmc", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = statistics?.FlowRmc ?? [] });
            command.Parameters.Add(new NpgsqlParameter("flow_campus", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = statistics?.FlowCampus ?? [] });
        }
    }

    /// <summary>
    /// One MVT tile: geometries simplified to a tile unit in RD New, projected to Web Mercator and clipped by ST_AsMVTGeom.
    /// The tile envelope arrives already clipped to the Netherlands (@cx0..@cy1, EPSG:3857) so that RD New is never asked
    /// to project the far side of the world.
    /// </summary>
    public static NpgsqlCommand Tile(NpgsqlConnection connection, LayerCollection collection, int z, int x, int y,
        (double X0, double Y0, double X1, double Y1) clipped, int year, LayerStatisticsTable? statistics)
    {
        var sql = new StringBuilder("select ST_AsMVT(q, @layer, 4096, 'geom') from (select (")
            .Append(collection.IdSql).Append(")::text as id");
        foreach (var property in collection.Properties)
        {
            sql.Append(", ").Append(property.Sql).Append(" as \"").Append(property.Name).Append('"');
        }
        sql.Append(", ST_AsMVTGeom(ST_Transform(ST_SimplifyPreserveTopology(").Append(collection.GeometrySql)
            .Append(", @tolerance), 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) as geom")
            .Append(" from (select ST_Transform(ST_Segmentize(ST_MakeEnvelope(@cx0, @cy0, @cx1, @cy1, 3857), @segment), 28992) as env) as q_tile cross join ")
            .Append(collection.FromSql).Append(" where ").Append(collection.WhereSql)
            .Append(" and ").Append(collection.GeometrySql).Append(" && q_tile.env) as q where q.geom is not null");
        var command = new NpgsqlCommand(sql.ToString(), connection);
        command.Parameters.AddWithValue("layer", collection.Id);
        command.Parameters.AddWithValue("z", z);
        command.Parameters.AddWithValue("x", x);
        command.Parameters.AddWithValue("y", y);
        command.Parameters.AddWithValue("tolerance", TileMath.TileUnitMetres(z));
        command.Parameters.AddWithValue("cx0", clipped.X0);
        command.Parameters.AddWithValue("cy0", clipped.Y0);
        command.Parameters.AddWithValue("cx1", clipped.X1);
        command.Parameters.AddWithValue("cy1", clipped.Y1);
        command.Parameters.AddWithValue("segment", Math.Max((clipped.X1 - clipped.X0) / 16, 1));
        AddCommonParameters(command, collection, year, statistics);
        return command;
    }
}
