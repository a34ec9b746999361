using System.Diagnostics.CodeAnalysis;

namespace Verzuim.Hotspot.Api.Layers;

/// <summary>A validated items request: everything the SQL needs, with filter values kept apart as parameters.</summary>
internal sealed record ItemsRequest(
    int Limit,
    int Offset,
    double[]? Bbox,
    LayerCrs BboxCrs,
    LayerCrs Crs,
    IReadOnlyList<string>? Properties,
    int Precision,
    double? SimplifyMetres,
    IReadOnlyList<(LayerProperty Property, string Value)> Filters)
{
    public const int DefaultLimit = 100;
    public const int MaximumLimit = 10000;

    /// <summary>The statistics properties every collection adds when counts are loaded.</summary>
    public static IReadOnlyList<string> StatisticsProperties { get; } = ["students", "absenceReports", "reportsPer100", "suppressed"];

    public bool Wants(string property) => Properties is null || Properties.Contains(property);

    public static bool TryParse(LayerCollection collection, ItemsQuery query, IQueryCollection raw, bool single,
        out ItemsRequest request, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        request = null!;
        problem = null;
        var limit = DefaultLimit;
        var offset = 0;
        if (query.Limit is not null && (!int.TryParse(query.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaximumLimit))
        {
            problem = ProblemDetailsExtensions.InvalidParameter("limit", $"limit is a whole number from 1 to {MaximumLimit}.");
            return false;
        }
        if (query.Offset is not null && !int.TryParse(query.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            problem = ProblemDetailsExtensions.InvalidParameter("offset", "offset is a whole number of 0 or more.");
            return false;
        }
        var crs = LayerCrs.Crs84;
        if (query.Crs is not null && LayerCrs.Parse(query.Crs) is not { } c)
        {
            problem = ProblemDetailsExtensions.InvalidParameter("crs", "Supported CRS: " + string.Join(", ", LayerCrs.Uris) + ".");
            return false;
        }
        else if (query.Crs is not null)
        {
            crs = LayerCrs.Parse(query.Crs)!;
        }
        var bboxCrs = LayerCrs.Crs84;
        if (query.BboxCrs is not null)
        {
            if (LayerCrs.Parse(query.BboxCrs) is not { } b)
            {
                problem = ProblemDetailsExtensions.InvalidParameter("bbox-crs", "Supported CRS: " + string.Join(", ", LayerCrs.Uris) + ".");
                return false;
            }
            bboxCrs = b;
        }
        double[]? bbox = null;
        if (query.Bbox is not null && !TryParseBbox(query.Bbox, bboxCrs, out bbox, out var bboxError))
        {
            problem = ProblemDetailsExtensions.InvalidParameter("bbox", bboxError);
            return false;
        }
        List<string>? properties = null;
        if (query.Properties is not null)
        {
            properties = [.. query.Properties.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            var unknown = properties.Where(p => collection.FindProperty(p) is null && !StatisticsProperties.Contains(p)).ToList();
            if (unknown.Count > 0)
            {
                problem = ProblemDetailsExtensions.InvalidParameter("properties",
                    $"Unknown properties: {string.Join(", ", unknown)}. Known: {string.Join(", ", collection.Properties.Select(p => p.Name).Concat(StatisticsProperties))}.");
                return false;
            }
        }
        var precision = crs.DefaultPrecision;
        if (query.Precision is not null && (!int.TryParse(query.Precision, NumberStyles.None, CultureInfo.InvariantCulture, out precision) || precision > 15))
        {
            problem = ProblemDetailsExtensions.InvalidParameter("precision", "precision is a number of decimals from 0 to 15.");
            return false;
        }
        double? simplify = null;
        if (query.Simplify is not null && query.Zoom is not null)
        {
            problem = ProblemDetailsExtensions.InvalidParameter("simplify", "Give either simplify (metres) or zoom, not both.");
            return false;
        }
        if (query.Simplify is not null)
        {
            if (!double.TryParse(query.Simplify, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) || !(metres is >= 0 and <= 100_000))
            {
                problem = ProblemDetailsExtensions.InvalidParameter("simplify", "simplify is a tolerance in metres from 0 to 100000.");
                return false;
            }
            simplify = metres;
        }
        if (query.Zoom is not null)
        {
            if (!int.TryParse(query.Zoom, NumberStyles.None, CultureInfo.InvariantCulture, out var zoom) || zoom > 24)
            {
                problem = ProblemDetailsExtensions.InvalidParameter("zoom", "zoom is a WebMercatorQuad zoom level from 0 to 24.");
                return false;
            }
            simplify = TileMath.PixelMetres(zoom);
        }
        if (query.Format is not null && query.Format is not ("json" or "geojson"))
        {
            problem = ProblemDetailsExtensions.InvalidParameter("f", "Only f=json (GeoJSON) is offered.");
            return false;
        }
        var filters = new List<(LayerProperty, string)>();
        foreach (var (name, values) in raw)
        {
            if (ItemsQuery.Names.Contains(name) || CountsQuery.Names.Contains(name))
            {
                continue;
            }
            if (single || collection.FindProperty(name) is not { Queryable: true } property)
            {
                problem = ProblemDetailsExtensions.InvalidParameter(name, single
                    ? "Unknown parameter."
                    : $"Unknown parameter. Queryable properties: {string.Join(", ", collection.Properties.Where(p => p.Queryable).Select(p => p.Name))}.");
                return false;
            }
            filters.Add((property, values.ToString().Trim()));
        }
        request = new ItemsRequest(limit, offset, bbox, bboxCrs, crs, properties, precision, simplify, filters);
        return true;
    }

    private static bool TryParseBbox(string text, LayerCrs crs, out double[] bbox, out string error)
    {
        var parts = text.Split(',');
        bbox = [];
        error = "bbox is four comma-separated numbers: minx,miny,maxx,maxy (lat/lon order for EPSG:4326).";
        if (parts.Length != 4)
        {
            return false;
        }
        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return false;
            }
        }
        if (values[0] > values[2] || values[1] > values[3])
        {
            error = "bbox minimum is larger than its maximum.";
            return false;
        }
        if (crs.Srid == 4326)
        {
            var (lon, lat) = crs.LatLon ? ((values[1], values[3]), (values[0], values[2])) : ((values[0], values[2]), (values[1], values[3]));
            if (lon.Item1 < -180 || lon.Item2 > 180 || lat.Item1 < -90 || lat.Item2 > 90)
            {
                error = "bbox lies outside longitude -180..180 and latitude -90..90.";
                return false;
            }
        }
        bbox = values;
        return true;
    }
}
