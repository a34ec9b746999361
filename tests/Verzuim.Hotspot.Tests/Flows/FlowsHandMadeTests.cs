using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Flows;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Flows;

/// <summary>
/// A dataset small enough to solve by hand. Institution X has campuses X1 and X2, institution Y campus Y1; A, B, C and D
/// are four RMC regions (one postcode each), U the unplaced row (postcode 5028, which has no municipality, plus a
/// postcode the geography does not know). All 18plus unless marked:
/// <code>
///             X1      X2      Y1        X (institution)  Y       row total
///   A       40/8    20/6    30/6        60/14            30/6    90/20
///   B       25/5     -      12/5        25/5             12/5    37/10
///   C      (7/0 under18 only)
///   D        3/0     -       -           3/0              -       3/0   &lt;- small
///   U        -       -     3+3/0          -               6/0     6/0
///   total   68/13   20/6    48/11       88/19            48/11   136/30
/// </code>
/// Suppression is the joint protection of all linked tables (flows, totals, residence tables, every band). In 18plus,
/// D's cell and D's total are small, and so are the two unplaced postcodes (3 each). The cheapest pairs of
/// perturbations that keep every sum and open each small count's interval to 5 (down to 1, a listed cell is not zero,
/// and up) hide B-X, B-Y and U-Y and the unplaced row, and, depending on the cycles found (the protector's bulk passes
/// follow the clock), column Y (48) and the national total. (The old line heuristic hid U's total instead, and
/// differencing across the bands undid it.) This is the protection against the public alone
/// (<see cref="PublicOnlyApiFactory"/>): against each region's key holder too, B's coordinator, who knows B-X, would
/// read D-X = 88 - 60 - 25 off column X, so A-X would be hidden as well, and with four regions nearly every cell.
/// </summary>
[Collection(PublicOnlyCollection.Name)]
public sealed class FlowsHandMadeTests(PostGisFixture postGis, PublicOnlyApiFactory api) : IClassFixture<PublicOnlyApiFactory>, IAsyncLifetime
{
    // A school year of this class alone, older than the national set's so that it is never the default (latest) one.
    // It is protected against the public alone (PublicOnlyApiFactory): the hand-solved tables assume that protection.
    private const string Year = "2019-2020";
    private readonly HttpClient _client = api.CreateClient();
    private Setup _s = null!;
    private string _csv = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Setup(string A, string B, string C, string D, string PcA, string PcB, string PcC, string PcD, string Unknown,
        string X, string X1, string X2, string Y, string Y1, Dictionary<string, string?> CampusRegion);

    public async ValueTask InitializeAsync()
    {
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
        await using var db = postGis.CreateDbContext();
        var regionPc4 = await db.Database.SqlQuery<RegionPc4>($"""
            select m.rmc_code as region, min(p.code)::text as pc4
            from pc4_areas p join municipalities m on m.classification_year = p.classification_year and m.code = p.municipality_code
            where p.classification_year = 2025 and p.municipality_code is not null
            group by m.rmc_code order by m.rmc_code limit 4
            """).ToListAsync(Ct);
        var unplaced = await db.Pc4Areas.Where(p => p.ClassificationYear == 2025 && p.MunicipalityCode == null).Select(p => p.Code).FirstAsync(Ct);
        var known = (await db.Pc4Areas.Select(p => p.Code).Distinct().ToListAsync(Ct)).ToHashSet();
        var unknown = Enumerable.Range(1000, 9000).Select(n => n.ToString(CultureInfo.InvariantCulture)).First(c => !known.Contains(c));
        var campuses = await db.Campuses.OrderBy(c => c.BrinVest).Select(c => new { c.Brin, c.BrinVest }).ToListAsync(Ct);
        var x = campuses.GroupBy(c => c.Brin).First(g => g.Count() >= 2);
        var y = campuses.First(c => string.CompareOrdinal(c.Brin, x.Key) > 0);
        var campusRegion = await db.Database.SqlQuery<CampusRegion>($"""
            select c.brin_vest::text as brin_vest, m.rmc_code as region
            from campuses c
            left join campus_placements p on p.classification_year = 2025 and p.brin_vest = c.brin_vest
            left join municipalities m on m.classification_year = 2025 and m.code = p.municipality_code
            """).ToDictionaryAsync(r => r.BrinVest, r => r.Region, Ct);
        _s = new Setup(regionPc4[0].Region, regionPc4[1].Region, regionPc4[2].Region, regionPc4[3].Region,
            regionPc4[0].Pc4, regionPc4[1].Pc4, regionPc4[2].Pc4, regionPc4[3].Pc4, unknown,
            x.Key, x.ElementAt(0).BrinVest, x.ElementAt(1).BrinVest, y.Brin, y.BrinVest, campusRegion);

        var s = _s;
        var csv = new StringBuilder("school_year,brin,vestiging,postcode,age_band,students,absence_reports\n");
        void Row(string campus, string pc4, string band, int students, int reports) =>
            csv.Append(CultureInfo.InvariantCulture, $"{Year},{campus[..4]},{campus[4..]},{pc4},{band},{students},{reports}\n");
        Row(s.X1, s.PcA, "18plus", 40, 8);
        Row(s.X2, s.PcA, "18plus", 20, 6);
        Row(s.Y1, s.PcA, "18plus", 30, 6);
        Row(s.X1, s.PcB, "18plus", 25, 5);
        Row(s.Y1, s.PcB, "18plus", 12, 5);
        Row(s.X1, s.PcC, "under18", 7, 0);
        Row(s.X1, s.PcD, "18plus", 3, 0);
        Row(s.Y1, unplaced, "18plus", 3, 0);
        Row(s.Y1, unknown, "18plus", 3, 0);
        _csv = csv.ToString();
        await ImportAsync(_csv);
    }

    private async Task ImportAsync(string csv)
    {
        var outcome = await new CountsImporter(postGis.DataSource, Options.Create(new GeographyOptions()))
            .ImportAsync(CountsTestData.Stream(csv), "hand-made", synthetic: false, null, Ct);
        Assert.True(outcome.Succeeded);
    }

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);

    private sealed record RegionPc4(string Region, string Pc4);

    private sealed record CampusRegion(string BrinVest, string? Region);

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static (long? Students, long? Reports, bool Suppressed) Counts(JsonElement counts) => (
        counts.TryGetProperty("students", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null,
        counts.TryGetProperty("absenceReports", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : null,
        counts.GetProperty("suppressed").GetBoolean());

    private static Dictionary<(string Row, string Column), JsonElement> Cells(JsonElement body) =>
        body.GetProperty("cells").EnumerateArray().ToDictionary(c => (c.GetProperty("row").GetString()!, c.GetProperty("column").GetString()!));

    private static JsonElement Line(JsonElement body, string property, string id) =>
        body.GetProperty(property).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    [Fact]
    public async Task The_Institution_Matrix_Has_The_Hand_Computed_Cells_Totals_And_Suppression()
    {
        // Act
        var body = await GetAsync($"/flows?schoolYear={Year}&ageBand=18plus&by=institution");

        // Assert: shown cells exact, hidden ones null with the marker, zero cells not listed.
        var cells = Cells(body);
        Assert.Equal((60L, 14L, false), Counts(cells[(_s.A, _s.X)].GetProperty("counts")));
        Assert.Equal((30L, 6L, false), Counts(cells[(_s.A, _s.Y)].GetProperty("counts")));
        Assert.Equal((null, null, true), Counts(cells[(_s.D, _s.X)].GetProperty("counts")));
        Assert.Equal((null, null, true), Counts(cells[(_s.B, _s.X)].GetProperty("counts")));
        Assert.Equal((null, null, true), Counts(cells[("unplaced", _s.Y)].GetProperty("counts")));
        Assert.Equal((null, null, true), Counts(cells[(_s.B, _s.Y)].GetProperty("counts")));
        Assert.Equal(6, cells.Count);
        Assert.False(cells.ContainsKey((_s.C, _s.X)));
        // Shares of shown cells: of the institution's 88 and of region A's 90 students; none for hidden cells.
        Assert.Equal(Math.Round(60.0 / 88, 4), cells[(_s.A, _s.X)].GetProperty("shareOfColumn").GetDouble());
        Assert.Equal(Math.Round(60.0 / 90, 4), cells[(_s.A, _s.X)].GetProperty("shareOfRow").GetDouble());
        Assert.False(cells[(_s.B, _s.X)].TryGetProperty("shareOfColumn", out _));
        // Totals: column X shown; D's and U's row totals hidden; column Y and the grand total shown exactly or hidden,
        // depending on the cycles the protector found (see the summary).
        Assert.Equal((88L, 19L, false), Counts(Line(body, "columns", _s.X).GetProperty("total")));
        Assert.Contains(Counts(Line(body, "columns", _s.Y).GetProperty("total")), new[] { (48L, 11L, false), ((long?)null, (long?)null, true) });
        Assert.Equal((90L, 20L, false), Counts(Line(body, "rows", _s.A).GetProperty("total")));
        Assert.Equal((37L, 10L, false), Counts(Line(body, "rows", _s.B).GetProperty("total")));
        Assert.Equal((null, null, true), Counts(Line(body, "rows", _s.D).GetProperty("total")));
        Assert.Equal((null, null, true), Counts(Line(body, "rows", "unplaced").GetProperty("total")));
        Assert.Equal((0L, 0L, false), Counts(Line(body, "rows", _s.C).GetProperty("total")));
        Assert.Contains(Counts(body.GetProperty("total")), new[] { (136L, 30L, false), ((long?)null, (long?)null, true) });
        Assert.Equal(2, body.GetProperty("columns").GetArrayLength());
        Assert.Equal(41, body.GetProperty("rows").GetArrayLength());
        Assert.True(Line(body, "rows", "unplaced").GetProperty("unplaced").GetBoolean());
        Assert.Equal(Year, body.GetProperty("provenance").GetProperty("schoolYear").GetString());
        Assert.Equal("hand-made", body.GetProperty("provenance").GetProperty("dataset").GetString());
    }

    [Fact]
    public async Task The_Campus_Matrix_Splits_Institution_X_And_Names_Each_Campus_Region()
    {
        var body = await GetAsync($"/flows?schoolYear={Year}&ageBand=18plus&by=campus");

        var cells = Cells(body);
        Assert.Equal((40L, 8L, false), Counts(cells[(_s.A, _s.X1)].GetProperty("counts")));
        Assert.Equal((20L, 6L, false), Counts(cells[(_s.A, _s.X2)].GetProperty("counts")));
        Assert.Equal((30L, 6L, false), Counts(cells[(_s.A, _s.Y1)].GetProperty("counts")));
        Assert.True(Counts(cells[(_s.B, _s.X1)].GetProperty("counts")).Suppressed);
        Assert.True(Counts(cells[(_s.D, _s.X1)].GetProperty("counts")).Suppressed);
        Assert.Equal((68L, 13L, false), Counts(Line(body, "columns", _s.X1).GetProperty("total")));
        Assert.Equal((20L, 6L, false), Counts(Line(body, "columns", _s.X2).GetProperty("total")));
        foreach (var campus in new[] { _s.X1, _s.X2, _s.Y1 })
        {
            var column = Line(body, "columns", campus);
            var region = column.TryGetProperty("region", out var r) ? r.GetProperty("code").GetString() : null;
            Assert.Equal(_s.CampusRegion[campus], region);
        }
    }

    [Fact]
    public async Task Age_Bands_Select_Their_Own_Counts_And_All_Adds_Them()
    {
        var under18 = await GetAsync($"/flows?schoolYear={Year}&ageBand=under18");
        var all = await GetAsync($"/flows?schoolYear={Year}");

        Assert.Equal((7L, 0L, false), Counts(Cells(under18)[(_s.C, _s.X)].GetProperty("counts")));
        Assert.Equal((7L, 0L, false), Counts(under18.GetProperty("total")));
        // All adds the bands: X has 88 + 7. (The grand total of all is hidden, as in 18plus.)
        Assert.Equal((88L + 7, 19L, false), Counts(Line(all, "columns", _s.X).GetProperty("total")));
        Assert.Equal((7L, 0L, false), Counts(Cells(all)[(_s.C, _s.X)].GetProperty("counts")));
        Assert.Equal("all", all.GetProperty("provenance").GetProperty("ageBand").GetString());
    }

    [Fact]
    public async Task A_New_Import_Is_Served_At_Once_Because_The_Cache_Follows_The_Data_Version()
    {
        // Arrange: fill the cache, then re-import the year with 10 more students from A at X1.
        var before = await GetAsync($"/flows?schoolYear={Year}&ageBand=18plus");
        await ImportAsync(_csv + $"{Year},{_s.X1[..4]},{_s.X1[4..]},{_s.PcA},18plus,10,0\n");

        // Act
        var after = await GetAsync($"/flows?schoolYear={Year}&ageBand=18plus");

        // Assert
        Assert.Equal((90L, 20L, false), Counts(Line(before, "rows", _s.A).GetProperty("total")));
        Assert.Equal((100L, 20L, false), Counts(Line(after, "rows", _s.A).GetProperty("total")));
        Assert.Equal((70L, 14L, false), Counts(Cells(after)[(_s.A, _s.X)].GetProperty("counts")));
        Assert.True(after.GetProperty("provenance").GetProperty("dataVersion").GetInt64() >
            before.GetProperty("provenance").GetProperty("dataVersion").GetInt64());
    }

    [Fact]
    public async Task The_National_Rate_Is_Published_Only_Where_Both_National_Totals_Are_Shown()
    {
        // A funnel plot publishes the national rate; a ratio of hidden totals is one more equation for an intruder. Which
        // 18plus national totals this set hides depends on the cycles the protector found, so the rule is checked
        // against what /flows publishes.
        var total = Counts((await GetAsync($"/flows?schoolYear={Year}&ageBand=18plus&by=institution")).GetProperty("total"));

        var response = await _client.GetAsync($"/outliers?level=institution&schoolYear={Year}&ageBand=18plus", Ct);

        if (total.Suppressed || total.Reports is null)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("national total", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((136L, 30L), (total.Students, total.Reports));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(body.GetProperty("nationalRatePer100").EnumerateObject(), rate => Math.Abs(rate.Value.GetDouble() - 30.0 / 136 * 100) < 0.01);
        }
    }

    [Fact]
    public async Task The_Unplaced_Row_Holds_Unplaced_And_Unknown_Postcodes_Before_Suppression()
    {
        // Arrange
        await using var scope = api.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<FlowMatrixSource>();
        var policy = scope.ServiceProvider.GetRequiredService<DisclosurePolicy>();

        // Act
        var (matrix, _) = await source.BuildAsync(Year, AgeBandFilter.EighteenPlus, policy, Ct);

        // Assert: 3 + 3 students, exact, in the last row.
        var u = matrix.RowOf("unplaced")!.Value;
        Assert.Equal(matrix.Rows.Count - 1, u);
        Assert.Equal(6, matrix.Students[u, matrix.ColumnOf(_s.Y)!.Value]);
        Assert.Equal(6, matrix.RowStudents(u));
        Assert.True(matrix.Mask.RowTotal(u));
    }

    [Theory]
    [InlineData(0.5, 0.5, true)]
    [InlineData(0.8, 0.5, false)]
    [InlineData(1.0, 0.5, false)]
    [InlineData(0.5, 0.02, true)]
    public async Task Agenda_Partners_Of_X_Follow_The_Coverage_Rule_On_Published_Counts(double coverage, double minShare, bool reached)
    {
        // X has 88 students (shown): A 60 shown, B 25 hidden by secondary suppression, D 3 small. Only published counts
        // decide, so A is the one partner: 0.5 -> 44 is reached by A; 0.8 -> 70.4 is not (B's 25 may not count, or
        // moving coverage would tell it). B and D follow, by code, as suppressed lines that may or may not be partners.
        var body = await GetAsync(FormattableString.Invariant(
            $"/institutions/{_s.X}/agenda-partners?schoolYear={Year}&coverage={coverage}&minShare={minShare}"));

        var partners = body.GetProperty("partners").EnumerateArray().ToList();
        Assert.Equal([_s.A, _s.B, _s.D], partners.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(["coverage", "suppressed", "suppressed"], partners.Select(p => p.GetProperty("reason").GetString()));
        Assert.Equal(reached, body.GetProperty("coverageReached").GetBoolean());
        Assert.Equal((88L, 19L, false), Counts(body.GetProperty("total")));
        var a = partners[0];
        Assert.Equal(1, a.GetProperty("rank").GetInt32());
        Assert.Equal((60L, 14L, false), Counts(a.GetProperty("counts")));
        Assert.Equal(Math.Round(60.0 / 88, 4), a.GetProperty("cumulativeShare").GetDouble());
        Assert.Equal(Math.Round(1400.0 / 60, 2), a.GetProperty("counts").GetProperty("reportsPer100").GetDouble());
        Assert.Equal([(_s.X1, 40L), (_s.X2, 20L)],
            a.GetProperty("campuses").EnumerateArray().Select(c => (c.GetProperty("brinVest").GetString()!, c.GetProperty("counts").GetProperty("students").GetInt64())));
        Assert.True(a.GetProperty("contactMunicipality").TryGetProperty("assumed", out _));
        foreach (var hidden in partners.Skip(1))
        {
            Assert.Equal((null, null, true), Counts(hidden.GetProperty("counts")));
            Assert.False(hidden.TryGetProperty("rank", out _));
            Assert.False(hidden.TryGetProperty("cumulativeShare", out _));
            Assert.False(hidden.TryGetProperty("share", out _));
        }
        Assert.Contains("0.5", body.GetProperty("rule").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_Partners_Of_A_Campus_Use_The_Campus_Column()
    {
        // X1 has 68: A 40, B 25 (hidden), D 3 (hidden). 0.8 -> 54.4 is not reached by the shown A alone.
        var body = await GetAsync($"/campuses/{_s.X1}/agenda-partners?schoolYear={Year}&minShare=0.5");

        var partners = body.GetProperty("partners").EnumerateArray().ToList();
        Assert.Equal([_s.A, _s.B, _s.D], partners.Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(Math.Round(40.0 / 68, 4), partners[0].GetProperty("cumulativeShare").GetDouble());
        Assert.True(partners[1].GetProperty("counts").GetProperty("suppressed").GetBoolean());
        Assert.False(body.GetProperty("coverageReached").GetBoolean());
        Assert.Equal(_s.X, body.GetProperty("brin").GetString());
    }

    [Fact]
    public async Task The_Reverse_Lookup_Ranks_Institutions_And_Campuses_Of_A_Region()
    {
        var a = await GetAsync($"/rmc-regions/{_s.A}/institutions?schoolYear={Year}");
        var b = await GetAsync($"/rmc-regions/{_s.B}/institutions?schoolYear={Year}");

        // A: X 60, Y 30 of 90; campuses X1 40, Y1 30, X2 20.
        var institutions = a.GetProperty("institutions").EnumerateArray().ToList();
        Assert.Equal([_s.X, _s.Y], institutions.Select(i => i.GetProperty("code").GetString()));
        Assert.Equal([Math.Round(60.0 / 90, 4), 1.0], institutions.Select(i => i.GetProperty("cumulativeShare").GetDouble()));
        Assert.Equal([Math.Round(60.0 / 90, 4), Math.Round(30.0 / 90, 4)], institutions.Select(i => i.GetProperty("share").GetDouble()));
        var campuses = a.GetProperty("campuses").EnumerateArray().ToList();
        Assert.Equal([_s.X1, _s.Y1, _s.X2], campuses.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal([Math.Round(40.0 / 90, 4), Math.Round(70.0 / 90, 4), 1.0], campuses.Select(c => c.GetProperty("cumulativeShare").GetDouble()));
        Assert.Equal((90L, 20L, false), Counts(a.GetProperty("total")));
        // B: total shown (37), both cells hidden: listed by code, without rank.
        Assert.Equal((37L, 10L, false), Counts(b.GetProperty("total")));
        Assert.All(b.GetProperty("institutions").EnumerateArray(), i =>
        {
            Assert.True(i.GetProperty("counts").GetProperty("suppressed").GetBoolean());
            Assert.False(i.TryGetProperty("rank", out _));
        });
        Assert.Equal([_s.X, _s.Y], b.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Agenda_Tables_Count_The_Tables_Each_Region_Sits_At()
    {
        // X: A (60 of the shown 88); B and D are listed as suppressed and take no seat. Y's total is hidden, so its whole
        // is its shown lines: A's 30, which A reaches alone; B is listed as suppressed.
        var body = await GetAsync($"/agenda-tables?schoolYear={Year}");

        var tables = body.GetProperty("institutions").EnumerateArray().ToDictionary(t => t.GetProperty("brin").GetString()!);
        Assert.Equal(2, tables.Count);
        Assert.Equal([_s.A, _s.B, _s.D], tables[_s.X].GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal([_s.A, _s.B], tables[_s.Y].GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(1, tables[_s.X].GetProperty("partnerCount").GetInt32());
        var regions = body.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(2, regions[_s.A].GetProperty("tableCount").GetInt32());
        Assert.Equal(0, regions[_s.B].GetProperty("tableCount").GetInt32());
        Assert.Equal(0, regions[_s.D].GetProperty("tableCount").GetInt32());
        var summary = body.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("medianRegionsPerInstitution").GetDouble());
        Assert.Equal(1, summary.GetProperty("maxRegionsPerInstitution").GetInt32());
        Assert.Equal(0, summary.GetProperty("medianTablesPerRegion").GetDouble());
        Assert.Equal(2, summary.GetProperty("maxTablesPerRegion").GetInt32());
    }
}
