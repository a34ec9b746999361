using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using nietras.SeparatedValues;

namespace Verzuim.Hotspot.Api.Import;

/// <summary>
/// Reads the bundled geodata files of one classification year (see geodata/SOURCES.md).
/// File names carry the year, so another year is a new set of files beside these.
/// </summary>
internal sealed class GeodataFiles(string folder, int year)
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), HotspotDbContext.RdNew)) },
    };

    public string Folder { get; } = Path.GetFullPath(folder);

    public string MunicipalitiesGeoJson => PathOf($"gemeenten_{year}_rd.geojson");
    public string MunicipalityRegionsCsv => PathOf($"gemeente_rmc_{year}.csv");
    public string RegionsCsv => PathOf($"rmc_regios_{year}.csv");
    public string ContactMunicipalitiesCsv => PathOf($"rmc_contactgemeenten_{year}.csv");
    public string Pc4GeoJson => FirstExisting("pc4_*_rd.geojson.gz", "pc4_*_rd.geojson");
    public string Pc4AddressesCsv => FirstExisting("pc4_gemeente_*_adressen.csv");
    public string Pc4LookupCsv => PathOf($"pc4_lookup_{year}.csv");
    public string InstitutionsCsv => FirstExisting("mbo_instellingen_*.csv");
    public string CampusesCsv => FirstExisting("mbo_locaties_*.csv");

    public sealed record MunicipalityShape(string Code, string Name, Geometry Geometry);
    public sealed record MunicipalityRegion(string Code, string RmcCode, int? Population);
    public sealed record Region(string Code, string Name);
    public sealed record ContactOverride(string RmcCode, string MunicipalityCode);
    public sealed record Pc4Shape(string Code, Geometry Geometry);
    public sealed record Pc4Addresses(string Pc4, string MunicipalityCode, int Addresses, double Share);
    public sealed record Pc4Population(string Pc4, int? Population15To25);
    public sealed record InstitutionRow(string Brin, string Name, string? Website);
    public sealed record CampusRow(string BrinVest, string Brin, string Vestiging, string InstitutionName, string Name,
        string? Address, string? Postcode, string? Place, double? X, double? Y, bool IsMain);

    public async Task<List<MunicipalityShape>> ReadMunicipalityShapesAsync(CancellationToken ct) =>
        [.. (await ReadFeaturesAsync(MunicipalitiesGeoJson, ct)).Select(f => new MunicipalityShape(
            Text(f, "gemeentecode"), Text(f, "gemeentenaam"), f.Geometry))];

    public async Task<List<Pc4Shape>> ReadPc4ShapesAsync(CancellationToken ct) =>
        [.. (await ReadFeaturesAsync(Pc4GeoJson, ct)).Select(f => new Pc4Shape(Text(f, "pc4"), f.Geometry))];

    public List<MunicipalityRegion> ReadMunicipalityRegions() => ReadCsv(MunicipalityRegionsCsv, r =>
        new MunicipalityRegion(r["gemeentecode"].ToString(), r["rmc_code"].ToString(), NullableInt(r["inwoners_2023_pc4_schatting"].Span)));

    public List<Region> ReadRegions() => ReadCsv(RegionsCsv, r => new Region(r["rmc_code"].ToString(), r["rmc_naam"].ToString()));

    /// <summary>Optional: where it is absent every region's contact municipality is assumed.</summary>
    public List<ContactOverride> ReadContactOverrides() => File.Exists(ContactMunicipalitiesCsv)
        ? ReadCsv(ContactMunicipalitiesCsv, r => new ContactOverride(r["rmc_code"].ToString(), r["contactgemeente_code"].ToString()))
        : [];

    public List<Pc4Addresses> ReadPc4Addresses() => ReadCsv(Pc4AddressesCsv, r => new Pc4Addresses(
        r["pc4"].ToString(), r["gemeentecode"].ToString(),
        int.Parse(r["n_adressen"].Span, CultureInfo.InvariantCulture), double.Parse(r["aandeel_adressen"].Span, CultureInfo.InvariantCulture)));

    public List<Pc4Population> ReadPc4Population() => ReadCsv(Pc4LookupCsv, r => new Pc4Population(
        r["pc4"].ToString(), NullableInt(r["inwoners_15_25_2023"].Span)));

    public List<InstitutionRow> ReadInstitutions() => ReadCsv(InstitutionsCsv, r => new InstitutionRow(
        r["brin"].ToString(), r["instellingsnaam"].ToString(), NullIfEmpty(r["website"].ToString())));

    public List<CampusRow> ReadCampuses() => ReadCsv(CampusesCsv, r => new CampusRow(
        r["brinvest"].ToString(), r["brin"].ToString(), r["vestigingsnummer"].ToString(), r["instellingsnaam"].ToString(),
        r["locatienaam"].ToString(), NullIfEmpty(r["straat_huisnummer"].ToString()),
        NullIfEmpty(r["postcode"].ToString().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()),
        NullIfEmpty(r["plaats"].ToString()), NullableDouble(r["x_rd"].Span), NullableDouble(r["y_rd"].Span),
        r["is_hoofdlocatie"].ToString() == "1"));

    private string PathOf(string name) => Path.Combine(Folder, name);

    private string FirstExisting(params string[] patterns)
    {
        foreach (var pattern in patterns)
        {
            var match = Directory.GetFiles(Folder, pattern).Order(StringComparer.Ordinal).LastOrDefault();
            if (match is not null)
            {
                return match;
            }
        }
        throw new FileNotFoundException($"No file matching {string.Join(" or ", patterns)} in {Folder}.");
    }

    private static async Task<FeatureCollection> ReadFeaturesAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        await using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var features = await JsonSerializer.DeserializeAsync<FeatureCollection>(stream, GeoJsonOptions, ct)
            ?? throw new InvalidDataException($"{path} is not a GeoJSON FeatureCollection.");
        foreach (var feature in features)
        {
            // GeoJSON carries no SRID; these files are RD New by their "crs" member and name.
            feature.Geometry.SRID = HotspotDbContext.RdNew;
        }
        return features;
    }

    private static string Text(IFeature feature, string name) =>
        feature.Attributes[name]?.ToString() ?? throw new InvalidDataException($"Feature without '{name}'.");

    private static List<T> ReadCsv<T>(string path, Func<SepReader.Row, T> map)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var rows = new List<T>();
        foreach (var row in reader)
        {
            try
            {
                rows.Add(map(row));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} row {row.RowIndex + 1}: {e.Message}", e);
            }
        }
        return rows;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static int? NullableInt(ReadOnlySpan<char> s) =>
        s.IsEmpty ? null : (int)double.Parse(s, CultureInfo.InvariantCulture);

    private static double? NullableDouble(ReadOnlySpan<char> s) =>
        s.IsEmpty ? null : double.Parse(s, CultureInfo.InvariantCulture);
}
