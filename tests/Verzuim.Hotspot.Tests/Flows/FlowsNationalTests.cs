using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Flows;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Flows;

/// <summary>The national synthetic set (read-only): totals, partners for everyone, and every output format parses.</summary>
public sealed class FlowsNationalTests(PostGisFixture postGis, ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Year = NationalSyntheticData.Latest;
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await postGis.National.EnsureLoadedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("institution")]
    [InlineData("campus")]
    public async Task Matrix_Totals_Equal_The_Import_Totals_Exactly_Before_Suppression(string dimension)
    {
        Assert.True(FlowsApi.TryParseBy(dimension, out var by));
        // Arrange
        var summary = await postGis.National.EnsureLoadedAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<FlowMatrixSource>();
        var policy = scope.ServiceProvider.GetRequiredService<DisclosurePolicy>();

        // Act: the import covered both school years, all ages.
        var matrices = new List<FlowMatrix>();
        foreach (var year in new[] { NationalSyntheticData.Previous, NationalSyntheticData.Latest })
        {
            var (institutions, campuses) = await source.BuildAsync(year, AgeBandFilter.All, policy, Ct);
            matrices.Add(by == FlowDimension.Campus ? campuses : institutions);
        }

        // Assert
        Assert.Equal(summary.Students, matrices.Sum(m => m.GrandStudents));
        Assert.Equal(summary.AbsenceReports, matrices.Sum(m => m.GrandReports));
        Assert.Equal(summary.UnplacedStudents, matrices.Sum(m => m.RowStudents(m.Rows.Count - 1)));
        var perRegion = summary.PlacedPerRegion.ToDictionary(r => r.Code, r => r.Students);
        foreach (var region in matrices[0].Rows.Where(r => !r.Unplaced))
        {
            Assert.Equal(perRegion.GetValueOrDefault(region.Id), matrices.Sum(m => m.RowStudents(m.RowOf(region.Id)!.Value)));
        }
        Assert.All(matrices, m => Assert.Equal(m.GrandStudents, Enumerable.Range(0, m.Columns.Count).Sum(m.ColumnStudents)));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("18plus")]
    [InlineData("under18")]
    public async Task No_Hidden_Value_Is_A_Shown_Total_Minus_Shown_Parts_Within_Or_Across_The_Two_Tables(string ageBand)
    {
        // Arrange
        Assert.True(AgeBands.TryParseFilter(ageBand, AgeBandFilter.All, out var band));
        await using var scope = api.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<FlowMatrixSource>();
        var policy = scope.ServiceProvider.GetRequiredService<DisclosurePolicy>();

        // Act
        var (institutions, campuses) = await source.BuildAsync(Year, band, policy, Ct);

        // Assert: within each table, no line with a shown total has exactly one hidden part.
        foreach (var m in new[] { institutions, campuses })
        {
            Assert.Contains(Enumerable.Range(0, m.Rows.Count), i => Enumerable.Range(0, m.Columns.Count).Any(j => m.Mask.Cell(i, j)));
            for (var i = 0; i < m.Rows.Count; i++)
            {
                Assert.True(m.Mask.RowTotal(i) || Enumerable.Range(0, m.Columns.Count).Count(j => m.Mask.Cell(i, j)) != 1);
            }
            for (var j = 0; j < m.Columns.Count; j++)
            {
                Assert.True(m.Mask.ColumnTotal(j) || Enumerable.Range(0, m.Rows.Count).Count(i => m.Mask.Cell(i, j)) != 1);
            }
            Assert.True(m.Mask.GrandTotal || Enumerable.Range(0, m.Rows.Count).Count(m.Mask.RowTotal) != 1);
        }
        // Across: shared row totals agree; an institution's cell and its campuses' cells never expose one another.
        Assert.All(Enumerable.Range(0, institutions.Rows.Count), i => Assert.Equal(institutions.Mask.RowTotal(i), campuses.Mask.RowTotal(i)));
        for (var b = 0; b < institutions.Columns.Count; b++)
        {
            var group = Enumerable.Range(0, campuses.Columns.Count).Where(c => campuses.Columns[c].Brin == institutions.Columns[b].Id).ToList();
            for (var i = 0; i <= institutions.Rows.Count; i++)
            {
                var (institutionHidden, hidden) = i < institutions.Rows.Count
                    ? (institutions.Mask.Cell(i, b), group.Count(c => campuses.Mask.Cell(i, c)))
                    : (institutions.Mask.ColumnTotal(b), group.Count(campuses.Mask.ColumnTotal));
                Assert.True(institutionHidden ? hidden >= 1 : hidden != 1, $"{institutions.Columns[b].Id} row {i}");
            }
        }
    }

    // The share of institutions that seat a partner in the public view. Held against every RMC key holder too, the
    // protection hides most flow cells by age band (docs/disclosure.md, Against key holders): of 156 institutions 134
    // seat one in "all", 34 in "18plus" (over 95% in both with the public-only protection).
    [Theory]
    [InlineData("18plus", 0.2)]
    [InlineData("all", 0.8)]
    public async Task Every_Institution_Has_At_Least_One_Agenda_Partner(string ageBand, double seatingAtLeast)
    {
        var flows = await GetJsonAsync($"/flows?schoolYear={Year}&ageBand={ageBand}");
        var tables = await GetJsonAsync($"/agenda-tables?schoolYear={Year}&ageBand={ageBand}");

        var institutions = tables.GetProperty("institutions").EnumerateArray().ToList();
        Assert.Equal(flows.GetProperty("columns").GetArrayLength(), institutions.Count);
        Assert.True(institutions.Count > 100);
        // Every institution has a line at its table. Only published counts seat a partner, so an institution whose every
        // cell is hidden (a small one) lists its regions as suppressed lines and seats none in the public view.
        Assert.All(institutions, t =>
        {
            var lines = t.GetProperty("partners").EnumerateArray().ToList();
            Assert.NotEmpty(lines);
            Assert.True(t.GetProperty("partnerCount").GetInt32() >= 1 || lines.All(p => p.GetProperty("suppressed").GetBoolean()),
                t.GetProperty("brin").GetString());
        });
        var seated = institutions.Count(t => t.GetProperty("partnerCount").GetInt32() >= 1);
        Assert.True(seated > seatingAtLeast * institutions.Count, $"{seated} of {institutions.Count} seat a partner");
        var summary = tables.GetProperty("summary");
        // The median institution seats a partner exactly when more than half of them do.
        Assert.InRange(summary.GetProperty("medianRegionsPerInstitution").GetDouble(), seated > institutions.Count / 2 ? 1 : 0,
            summary.GetProperty("maxRegionsPerInstitution").GetInt32());
        Assert.Equal(institutions.Sum(t => t.GetProperty("partnerCount").GetInt32()),
            tables.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("tableCount").GetInt32()));
    }

    [Theory]
    [InlineData("institution")]
    [InlineData("campus")]
    public async Task The_Json_Matrix_Lists_Every_Row_Column_And_No_Small_Count(string by)
    {
        var body = await GetJsonAsync($"/flows?schoolYear={Year}&by={by}");

        Assert.Equal(41, body.GetProperty("rows").GetArrayLength());
        Assert.True(body.GetProperty("provenance").GetProperty("synthetic").GetBoolean());
        Assert.Contains("SYNTHETIC", body.GetProperty("provenance").GetProperty("notice").GetString(), StringComparison.Ordinal);
        var counts = body.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("counts"))
            .Concat(body.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("total")))
            .Concat(body.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("total")))
            .ToList();
        Assert.Contains(counts, c => c.GetProperty("suppressed").GetBoolean());
        Assert.All(counts, c =>
        {
            Assert.False(c.TryGetProperty("students", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt64() is >= 1 and <= 4);
            Assert.False(c.TryGetProperty("absenceReports", out var r) && r.ValueKind == JsonValueKind.Number && r.GetInt64() is >= 1 and <= 4);
        });
    }

    [Theory]
    [InlineData("institution")]
    [InlineData("campus")]
    public async Task The_Csv_Long_Form_Parses_With_One_Row_Per_Listed_Cell(string by)
    {
        var json = await GetJsonAsync($"/flows?schoolYear={Year}&by={by}");
        var response = await _client.GetAsync($"/flows?schoolYear={Year}&by={by}&format=csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("true", response.Headers.GetValues("X-Synthetic").Single());
        Assert.Equal(Year, response.Headers.GetValues("X-School-Year").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Dataset").Single()));
        var (header, rows) = ParseCsv(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(json.GetProperty("cells").GetArrayLength(), rows.Count);
        var students = header.IndexOf("students");
        var suppressed = header.IndexOf("suppressed");
        Assert.All(rows, r => Assert.True(r[suppressed] == "true" ? r[students] == "" : long.Parse(r[students], CultureInfo.InvariantCulture) is 0 or >= 5));
        var shown = json.GetProperty("cells").EnumerateArray().Where(c => !c.GetProperty("counts").GetProperty("suppressed").GetBoolean())
            .Sum(c => c.GetProperty("counts").GetProperty("students").GetInt64());
        Assert.Equal(shown, rows.Where(r => r[suppressed] == "false").Sum(r => long.Parse(r[students], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("institution")]
    [InlineData("campus")]
    public async Task Every_Flowmap_Flow_Resolves_To_A_Location(string by)
    {
        var body = await GetJsonAsync($"/flows?schoolYear={Year}&by={by}&format=flowmap");

        var locations = body.GetProperty("locations").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        var flows = body.GetProperty("flows").EnumerateArray().ToList();
        Assert.NotEmpty(flows);
        Assert.All(flows, f =>
        {
            Assert.Contains(f.GetProperty("origin").GetString()!, locations.Keys);
            Assert.Contains(f.GetProperty("dest").GetString()!, locations.Keys);
            Assert.True(f.GetProperty("count").GetInt64() >= 5);
        });
        Assert.All(locations.Values, l =>
        {
            Assert.InRange(l.GetProperty("lat").GetDouble(), 50.7, 53.6);
            Assert.InRange(l.GetProperty("lon").GetDouble(), 3.3, 7.3);
        });
    }

    [Fact]
    public async Task The_Kepler_Csv_Parses_With_Coordinates_And_Counts()
    {
        var flowmap = await GetJsonAsync($"/flows?schoolYear={Year}&format=flowmap");
        var response = await _client.GetAsync($"/flows?schoolYear={Year}&format=kepler", Ct);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var (header, rows) = ParseCsv(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["origin_id", "origin_name", "origin_lat", "origin_lng", "dest_id", "dest_name", "dest_lat", "dest_lng", "count"], header);
        Assert.Equal(flowmap.GetProperty("flows").GetArrayLength(), rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(double.Parse(r[2], CultureInfo.InvariantCulture), 50.7, 53.6);
            Assert.InRange(double.Parse(r[7], CultureInfo.InvariantCulture), 3.3, 7.3);
            Assert.True(long.Parse(r[8], CultureInfo.InvariantCulture) >= 5);
        });
    }

    [Theory]
    [InlineData("/flows?by=foo", "by")]
    [InlineData("/flows?format=xml", "format")]
    [InlineData("/flows?ageBand=x", "ageBand")]
    [InlineData("/flows?schoolYear=2024", "schoolYear")]
    [InlineData("/agenda-tables?coverage=1.5", "coverage")]
    [InlineData("/agenda-tables?coverage=0", "coverage")]
    [InlineData("/agenda-tables?minShare=-0.1", "minShare")]
    [InlineData("/institutions/25LX/agenda-partners?coverage=1.5", "coverage")]
    [InlineData("/institutions/XYZ/agenda-partners", "brin")]
    [InlineData("/campuses/25LX1/agenda-partners", "brinvest")]
    [InlineData("/rmc-regions/XX/institutions", "code")]
    [InlineData("/rmc-regions/MC21/institutions?ageBand=old", "ageBand")]
    public async Task Bad_Parameters_Give_400_Problems_Naming_The_Parameter(string path, string parameter)
    {
        var response = await _client.GetAsync(path, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/flows?schoolYear=2099-2100", "2099-2100")]
    [InlineData("/institutions/99ZZ/agenda-partners?schoolYear=" + Year, "99ZZ")]
    [InlineData("/campuses/99ZZ01/agenda-partners?schoolYear=" + Year, "99ZZ01")]
    [InlineData("/rmc-regions/MC99/institutions?schoolYear=" + Year, "MC99")]
    public async Task Unknown_Years_Institutions_Campuses_And_Regions_Give_404_Problems(string path, string named)
    {
        var response = await _client.GetAsync(path, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static (List<string> Header, List<string[]> Rows) ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.ToList();
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            Assert.Equal(header.Count, fields.Length);
            rows.Add(fields);
        }
        return (header, rows);
    }
}
