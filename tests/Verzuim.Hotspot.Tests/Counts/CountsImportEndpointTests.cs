using System.Net;
using System.Text;
using System.Text.Json;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Counts;

[Collection(CountsCollection.Name)]
public sealed class CountsImportEndpointTests(PostGisFixture postGis) : IAsyncLifetime
{
    private const string Year = "2032-2033";
    private ApiFactory _api = null!;
    private CountsTestData _data = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api = new ApiFactory(postGis);
        _data = await CountsTestData.LoadAsync(postGis);
    }

    public async ValueTask DisposeAsync()
    {
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
        await _api.DisposeAsync();
    }

    private static HttpRequestMessage Post(string csv, string? key = ApiFactory.AdminApiKey, string query = "?dataset=endpoint-test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/imports/counts" + query) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return request;
    }

    [Fact]
    public async Task A_Valid_File_With_The_Admin_Key_Is_Imported_With_A_201_Summary()
    {
        var rows = _data.Rows(Year, 200, seed: 11);

        var response = await _api.CreateClient().SendAsync(Post(CountsTestData.Csv(rows), query: "?dataset=endpoint-test&synthetic=true"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(200, body.GetProperty("rowsRead").GetInt32());
        Assert.Equal(rows.Sum(r => r.Students), body.GetProperty("students").GetInt64());
        Assert.Equal(Year, body.GetProperty("schoolYears")[0].GetProperty("schoolYear").GetString());
        Assert.True(body.GetProperty("synthetic").GetBoolean());
        var datasets = await _api.CreateClient().GetFromJsonAsync<JsonElement>("/counts/datasets", Ct);
        Assert.Contains(datasets.EnumerateArray(), d => d.GetProperty("schoolYear").GetString() == Year
            && d.GetProperty("dataset").GetString() == "endpoint-test" && d.GetProperty("synthetic").GetBoolean());
    }

    [Fact]
    public async Task Row_Errors_Are_A_422_Problem_Keyed_By_Row()
    {
        var campus = _data.Campuses[0];
        var csv = "school_year,brin,vestiging,postcode,age_band,students,absence_reports\n" +
                  $"{Year},{campus[..4]},{campus[4..]},1012,18plus,x,1\n" +
                  $"{Year},{campus[..4]},{campus[4..]},1012,18plus,1,1,extra\n";

        var response = await _api.CreateClient().SendAsync(Post(csv), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        Assert.StartsWith("students:", errors.GetProperty("row 2")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("columns", errors.GetProperty("row 3")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, problem.GetProperty("rowsWithErrors").GetInt32());
    }

    [Fact]
    public async Task More_Row_Errors_Than_The_Cap_Are_Counted_But_Listed_Only_Up_To_The_Cap()
    {
        var csv = "school_year,brin,vestiging,postcode,age_band,students,absence_reports\n" +
                  string.Concat(Enumerable.Repeat($"{Year},99ZZ,01,1012,18plus,1,1\n", 250));

        var problem = await (await _api.CreateClient().SendAsync(Post(csv), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(100, problem.GetProperty("errors").EnumerateObject().Count());
        Assert.Equal(250, problem.GetProperty("rowsWithErrors").GetInt32());
        Assert.Contains("first 100", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_The_Key_The_Import_Is_Unauthorized()
    {
        var response = await _api.CreateClient().SendAsync(Post("x", key: null), Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);

        var wrong = await _api.CreateClient().SendAsync(Post("x", key: "not-the-key"), Ct);
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    // Changed with access roles: imports follow the admin policy. With no bootstrap key configured, the old key is simply
    // an unknown key (401); admin keys issued through /admin/keys still import.
    [Fact]
    public async Task With_No_Admin_Key_Configured_The_Old_Key_Is_Refused()
    {
        await using var noKey = _api.WithWebHostBuilder(b => b.UseSetting("Auth:AdminApiKey", ""));

        var response = await noKey.CreateClient().SendAsync(Post("x"), Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_Body_Over_The_Size_Limit_Is_A_413_Problem()
    {
        await using var small = _api.WithWebHostBuilder(b => b.UseSetting("Imports:MaxUploadBytes", "1000"));

        var response = await small.CreateClient().SendAsync(Post(CountsTestData.Csv(_data.Rows(Year, 200, seed: 12))), Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_Body_That_Is_Not_Csv_Is_A_415_Problem()
    {
        var request = Post("");
        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        var response = await _api.CreateClient().SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
