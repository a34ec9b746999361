using System.Net;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Counts;

/// <summary>
/// schoolYear, ageBand and year are checked in one place (<see cref="CountsScope"/>): the rules once, then one test per
/// endpoint that it is wired to that place and answers with the same problem.
/// </summary>
public sealed class CountsScopeTests(PostGisFixture postGis, ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await postGis.National.EnsureLoadedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("2024-2025", true)]
    [InlineData("1990-1991", true)]
    [InlineData("2024-2030", false)]
    [InlineData("2025-2024", false)]
    [InlineData("2024/2025", false)]
    [InlineData("2024", false)]
    [InlineData("24-25", false)]
    [InlineData("1989-1990", false)]
    public void A_School_Year_Is_Two_Consecutive_Years(string value, bool valid) =>
        Assert.Equal(valid, SchoolYears.IsValid(value));

    [Theory]
    [InlineData(null, "18plus")]
    [InlineData("", "18plus")]
    [InlineData("all", "all")]
    [InlineData("ALL", "all")]
    [InlineData("under18", "under18")]
    [InlineData("<18", "under18")]
    [InlineData("18-", "under18")]
    [InlineData("18plus", "18plus")]
    [InlineData("18+", "18plus")]
    public void Age_Bands_Accept_The_Csv_Names_And_Aliases_Plus_All(string? value, string expected)
    {
        Assert.True(AgeBands.TryParseFilter(value, AgeBandFilter.EighteenPlus, out var band));
        Assert.Equal(expected, band.Name());
    }

    [Theory]
    [InlineData("30plus")]
    [InlineData("adult")]
    public void An_Unknown_Age_Band_Is_Refused(string value) => Assert.False(AgeBands.TryParseFilter(value, AgeBandFilter.All, out _));

    /// <summary>Every endpoint that publishes counts, with the path it needs apart from the shared parameters.</summary>
    public static TheoryData<string> CountsEndpoints =>
    [
        "/flows?by=institution",
        "/institutions/25LX/agenda-partners?coverage=0.8",
        "/campuses/25LX01/agenda-partners?coverage=0.8",
        "/rmc-regions/MC21/institutions?x=1",
        "/agenda-tables?coverage=0.8",
        "/hotspots?level=municipality&permutations=0",
        "/outliers?level=institution",
        "/trends?level=region",
        "/collections/municipalities/items?limit=1",
        "/collections/flow-lines/tiles/WebMercatorQuad/8/131/84?x=1",
    ];

    [Theory]
    [MemberData(nameof(CountsEndpoints))]
    public async Task A_Malformed_School_Year_Is_The_Same_400_Everywhere(string endpoint)
    {
        var response = await _client.GetAsync(Path(endpoint, "schoolYear=2024-2030"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A school year is two consecutive years such as 2024-2025.", problem.GetProperty("errors").GetProperty("schoolYear")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(CountsEndpoints))]
    public async Task An_Unknown_Age_Band_Is_The_Same_400_Everywhere(string endpoint)
    {
        var response = await _client.GetAsync(Path(endpoint, "ageBand=30plus"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("An age band is all, under18 or 18plus.", problem.GetProperty("errors").GetProperty("ageBand")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(CountsEndpoints))]
    public async Task A_Year_That_Is_Not_A_Year_Is_The_Same_400_Everywhere(string endpoint)
    {
        var response = await _client.GetAsync(Path(endpoint, "year=twenty"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A classification year is a four-digit year such as 2025.", problem.GetProperty("errors").GetProperty("year")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(CountsEndpoints))]
    public async Task A_Classification_Year_That_Is_Not_Loaded_Is_The_Same_404_Everywhere(string endpoint)
    {
        var response = await _client.GetAsync(Path(endpoint, "year=1999"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Classification year 1999 is not loaded.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(CountsEndpoints))]
    public async Task A_School_Year_Without_Counts_Is_The_Same_404_Everywhere(string endpoint)
    {
        var response = await _client.GetAsync(Path(endpoint, "schoolYear=1999-2000"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No counts for school year 1999-2000.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(CountsEndpoints))]
    public async Task The_Configured_Classification_Year_Can_Be_Named(string endpoint)
    {
        var response = await _client.GetAsync(Path(endpoint, $"year={PostGisFixture.Year}&schoolYear={NationalSyntheticData.Latest}"), Ct);

        Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static string Path(string endpoint, string parameters) => $"{endpoint}&{parameters}";
}
