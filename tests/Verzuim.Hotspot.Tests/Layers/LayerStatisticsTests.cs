using System.Net;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Layers;

/// <summary>Statistics on the layers, against the national synthetic set (read only; school year always explicit).</summary>
public sealed class LayerStatisticsTests(ApiFactory api, PostGisFixture postGis) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Year = NationalSyntheticData.Latest;

    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await postGis.National.EnsureLoadedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<Dictionary<string, (long Students, long Reports)>> ResidentsByMunicipalityAsync(string? band)
    {
        var result = new Dictionary<string, (long, long)>();
        await using var command = postGis.DataSource.CreateCommand("""
            select p.municipality_code, sum(sc.students)::bigint, sum(sc.absence_reports)::bigint
            from student_counts sc join pc4_areas p on p.classification_year = 2025 and p.code = sc.pc4
            where sc.school_year = @p0 and (@p1::text is null or sc.age_band = @p1) and p.municipality_code is not null
            group by 1
            """);
        command.Parameters.AddWithValue("p0", Year);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string?>("p1", band) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            result[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }
        return result;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("under18")]
    public async Task Municipalities_Carry_The_Students_Living_There_With_Small_Counts_Suppressed(string? band)
    {
        // Arrange
        var expected = await ResidentsByMunicipalityAsync(band);

        // Act
        var page = await GetAsync($"/collections/municipalities/items?limit=1000&properties=students,absenceReports,reportsPer100,suppressed&simplify=5000&schoolYear={Year}"
            + (band is null ? "" : "&ageBand=" + band));

        // Assert
        var features = page.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(342, features.Count);
        var shown = 0;
        foreach (var f in features)
        {
            var p = f.GetProperty("properties");
            var (students, reports) = expected.GetValueOrDefault(f.GetProperty("id").GetString()!);
            if (p.GetProperty("suppressed").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Null, p.GetProperty("students").ValueKind);
                Assert.Equal(JsonValueKind.Null, p.GetProperty("reportsPer100").ValueKind);
                continue;
            }
            shown++;
            Assert.False(students is > 0 and < 5, "a small count of students must be suppressed");
            Assert.Equal(students, p.GetProperty("students").GetInt64());
            // Students and reports are protected each on their own: the reports (and the rate) may be hidden alone.
            if (p.GetProperty("absenceReports").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(JsonValueKind.Null, p.GetProperty("reportsPer100").ValueKind);
                continue;
            }
            Assert.False(reports is > 0 and < 5, "a small count of reports must be suppressed");
            Assert.Equal(reports, p.GetProperty("absenceReports").GetInt64());
        }
        Assert.True(shown > 300);
        var provenance = page.GetProperty("provenance");
        Assert.Equal(Year, provenance.GetProperty("schoolYear").GetString());
        Assert.Equal(band ?? "all", provenance.GetProperty("ageBand").GetString());
        Assert.True(provenance.GetProperty("synthetic").GetBoolean());
        Assert.StartsWith("SYNTHETIC DATA", provenance.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campuses_Carry_The_Students_Attending()
    {
        // Arrange: the campus with the most students
        await using var command = postGis.DataSource.CreateCommand(
            "select brin_vest, sum(students)::bigint from student_counts where school_year = @p0 group by 1 order by 2 desc limit 1");
        command.Parameters.AddWithValue("p0", Year);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        var (campus, students) = (reader.GetString(0), reader.GetInt64(1));

        // Act
        var feature = await GetAsync($"/collections/campuses/items/{campus}?schoolYear={Year}");

        // Assert
        Assert.Equal(students, feature.GetProperty("properties").GetProperty("students").GetInt64());
    }

    [Fact]
    public async Task Flow_Lines_Run_From_Each_Region_To_Each_Campus_With_Students_And_Filter_By_Campus_Institution_And_Region()
    {
        // Arrange
        var expected = await postGis.StringsAsync("""
            select m.rmc_code || '-' || sc.brin_vest
            from student_counts sc
            join pc4_areas p on p.classification_year = 2025 and p.code = sc.pc4
            join municipalities m on m.classification_year = 2025 and m.code = p.municipality_code
            where sc.school_year = @p0 and m.rmc_code = 'MC21'
            group by m.rmc_code, sc.brin_vest having sum(sc.students) > 0
            order by 1
            """, Year);
        var campus = expected[0].Split('-')[1];

        // Act
        var byRegion = await GetAsync($"/collections/flow-lines/items?rmc=MC21&limit=10000&schoolYear={Year}");
        var byCampus = await GetAsync($"/collections/flow-lines/items?brinVest={campus}&limit=10000&schoolYear={Year}");
        var byInstitution = await GetAsync($"/collections/flow-lines/items?brin={campus[..4]}&rmc=MC21&limit=10000&schoolYear={Year}");

        // Assert
        var features = byRegion.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(expected, features.Select(f => f.GetProperty("id").GetString()));
        var line = features[0].GetProperty("geometry");
        Assert.Equal("LineString", line.GetProperty("type").GetString());
        var start = line.GetProperty("coordinates")[0];
        var regionPoint = await postGis.ScalarAsync<double>(
            "select ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint(@p0, @p1), 4326), 28992), representative_point) from rmc_regions where classification_year = 2025 and code = 'MC21'",
            start[0].GetDouble(), start[1].GetDouble());
        Assert.InRange(regionPoint, 0, 1);
        Assert.All(byCampus.GetProperty("features").EnumerateArray(), f => Assert.Equal(campus, f.GetProperty("properties").GetProperty("brinVest").GetString()));
        Assert.Contains($"MC21-{campus}", byCampus.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.All(byInstitution.GetProperty("features").EnumerateArray(), f => Assert.StartsWith("MC21-" + campus[..4], f.GetProperty("id").GetString(), StringComparison.Ordinal));
    }
}
