using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Viewer;

/// <summary>
/// The viewer in a real browser (Debian's chromium) against the real API and PostGIS with the national synthetic
/// set. Numbers the page shows are checked against the API's JSON, not against pixels; and no request may leave
/// the machine.
/// </summary>
public sealed class ViewerTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private const string Brin = "25LX";
    private const string Region = "MC21";
    // The test host runs in invariant-globalization mode, so Dutch number formatting is spelled out.
    private static readonly NumberFormatInfo Dutch = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Institution_View_Fires_Load_And_Every_Layer_Renders_Features()
    {
        // Arrange
        var (page, outside) = await viewer.NewPageAsync();

        // Act
        await ViewerPage.OpenAsync(page, viewer.BaseAddress, $"?unit={Brin}");

        // Assert: the map loaded (its layers exist only after 'load') and each layer has features on screen.
        foreach (var layer in new[] { "areas-fill", "areas-line", "areas-highlight", "flows-line", "campuses-circle" })
        {
            Assert.True(await ViewerPage.RenderedAsync(page, layer) > 0, $"layer {layer} rendered no features");
        }
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Choosing_An_Institution_Shows_The_Partner_Numbers_Of_Its_Agenda_Partners_Endpoint()
    {
        // Arrange
        var (page, outside) = await viewer.NewPageAsync();
        await ViewerPage.OpenAsync(page, viewer.BaseAddress, "");
        var name = await FirstAsync(page, $"#units option[value$='({Brin})']");

        // Act: type the name into the search box, as a coordinator would.
        await page.FillAsync("#unit-search", name);
        await page.EvaluateAsync("() => { document.body.dataset.state = 'stale'; }");
        await page.DispatchEventAsync("#unit-search", "change");
        await ViewerPage.WaitReadyAsync(page);
        await page.WaitForSelectorAsync("#partners-table");

        // Assert
        using var api = JsonDocument.Parse(await viewer.Client.GetStringAsync($"institutions/{Brin}/agenda-partners?ageBand=18plus&schoolYear={NationalSyntheticData.Latest}", Ct));
        var expected = api.RootElement.GetProperty("partners").EnumerateArray().Select(p => new[]
        {
            $"{p.GetProperty("name").GetString()} ({p.GetProperty("code").GetString()})",
            Count(p.GetProperty("counts").GetProperty("students")),
            Count(p.GetProperty("counts").GetProperty("absenceReports")),
            Rate(p.GetProperty("counts").GetProperty("reportsPer100")),
        }).ToList();
        Assert.NotEmpty(expected);
        var shown = (await ViewerPage.RowsAsync(page, "#partners-table")).Select(r => new[] { r[1], r[3], r[5], r[6] }).ToList();
        Assert.Equal(expected, shown);
        Assert.Contains(Brin, page.Url, StringComparison.Ordinal);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Clicking_A_Region_On_The_Map_Lists_The_Institutions_Of_Its_Endpoint()
    {
        // Arrange
        var (page, outside) = await viewer.NewPageAsync();
        await ViewerPage.OpenAsync(page, viewer.BaseAddress, "?view=region");

        // Act: click a pixel well inside the region (it and the pixels 8 px around it show the region and nothing else).
        var point = await page.EvaluateAsync<double[]>("""
            code => {
              const map = window.hotspotViewer.map, c = map.getCanvas();
              const only = (x, y) => {
                const hits = map.queryRenderedFeatures([x, y], { layers: ['areas-fill', 'campuses-circle', 'flows-line'] });
                return hits.length === 1 && hits[0].properties.code === code;
              };
              for (let y = 10; y < c.clientHeight - 10; y += 4) for (let x = 10; x < c.clientWidth - 10; x += 4) {
                if (only(x, y) && only(x - 8, y) && only(x + 8, y) && only(x, y - 8) && only(x, y + 8)) return [x, y];
              }
              return null;
            }
            """, Region);
        Assert.NotNull(point);
        var box = (await page.Locator("#map canvas").BoundingBoxAsync())!;
        await page.EvaluateAsync("() => { document.body.dataset.state = 'stale'; }");
        await page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        await ViewerPage.WaitReadyAsync(page);
        await page.WaitForSelectorAsync("#institutions-table");

        // Assert
        using var api = JsonDocument.Parse(await viewer.Client.GetStringAsync($"rmc-regions/{Region}/institutions?ageBand=18plus&schoolYear={NationalSyntheticData.Latest}", Ct));
        var expected = api.RootElement.GetProperty("institutions").EnumerateArray().Select(i => new[]
        {
            $"{i.GetProperty("name").GetString()} ({i.GetProperty("code").GetString()})",
            Count(i.GetProperty("counts").GetProperty("students")),
        }).ToList();
        Assert.NotEmpty(expected);
        var shown = (await ViewerPage.RowsAsync(page, "#institutions-table")).Select(r => new[] { r[1], r[2] }).ToList();
        Assert.Equal(expected, shown);
        Assert.Contains($"region={Region}", page.Url, StringComparison.Ordinal);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Funnel_Plot_Has_One_Point_Per_Unit_And_A_Click_Selects_It()
    {
        // Arrange
        var (page, outside) = await viewer.NewPageAsync();
        using var api = JsonDocument.Parse(await viewer.Client.GetStringAsync($"outliers?level=institution&ageBand=18plus&schoolYear={NationalSyntheticData.Latest}", Ct));
        var plottable = api.RootElement.GetProperty("items").EnumerateArray()
            .Where(u => u.GetProperty("ratio").ValueKind == JsonValueKind.Number).Select(u => u.GetProperty("id").GetString()!).ToHashSet();

        // Act
        await ViewerPage.OpenAsync(page, viewer.BaseAddress, "?view=outliers");
        var ids = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#funnel circle.point')].map(c => c.dataset.id)");

        // Assert
        Assert.True(plottable.Count > 10);
        Assert.Equal(plottable.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));

        // Act: a click on one point selects that institution, in the URL and on the map.
        var first = ids[0];
        await page.ClickAsync($"#funnel circle[data-id='{first}']");
        await page.WaitForSelectorAsync("#picked");
        await ViewerPage.WaitReadyAsync(page);
        Assert.Contains($"pick={first}", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("brin => window.hotspotViewer.map.querySourceFeatures('campuses').filter(f => f.properties.brin === brin && f.properties.radius === 7).length", first) > 0);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Every_View_Draws_Under_A_Synthetic_Banner_In_Dutch_And_Switches_To_English()
    {
        var (page, outside) = await viewer.NewPageAsync();
        foreach (var query in new[] { "?view=hotspots", "?view=trends&pick=MC21", "?view=region&region=MC21" })
        {
            await ViewerPage.OpenAsync(page, viewer.BaseAddress, query);
            Assert.Contains("SYNTHETISCHE", await page.InnerTextAsync("#synthetic-banner"), StringComparison.Ordinal);
            Assert.True(await ViewerPage.RenderedAsync(page, "areas-fill") > 0, query);
        }

        await page.ClickAsync("#language");
        await ViewerPage.WaitReadyAsync(page);

        Assert.Contains("SYNTHETIC data", await page.InnerTextAsync("#synthetic-banner"), StringComparison.Ordinal);
        Assert.Contains("lang=en", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Empty(outside);
    }

    [Fact]
    public async Task An_Access_Key_Entered_In_The_Viewer_Shows_The_Region_Coordinators_View_And_Stays_Out_Of_The_Url()
    {
        // Arrange: an operator issues a key for the coordinator of the region.
        using var issue = new HttpRequestMessage(HttpMethod.Post, "admin/keys")
        {
            Content = JsonContent.Create(new { role = $"rmc:{Region}", label = "viewer test " + Guid.NewGuid().ToString("N") }),
        };
        issue.Headers.Add("X-Api-Key", Infrastructure.ApiFactory.AdminApiKey);
        using var issued = await viewer.Client.SendAsync(issue, Ct);
        issued.EnsureSuccessStatusCode();
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
        using var keyed = new HttpRequestMessage(HttpMethod.Get, $"rmc-regions/{Region}/institutions?ageBand=18plus&schoolYear={NationalSyntheticData.Latest}");
        keyed.Headers.Add("X-Api-Key", key);
        using var answer = await viewer.Client.SendAsync(keyed, Ct);
        using var api = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));
        var expected = api.RootElement.GetProperty("institutions").EnumerateArray()
            .Select(i => Count(i.GetProperty("counts").GetProperty("students"))).ToList();
        var (page, outside) = await viewer.NewPageAsync();
        var sentWithKey = 0;
        page.Request += (_, request) => sentWithKey += request.Headers.TryGetValue("x-api-key", out var sent) && sent == key ? 1 : 0;
        await ViewerPage.OpenAsync(page, viewer.BaseAddress, $"?view=region&region={Region}");
        Assert.Equal("Openbare weergave", (await page.InnerTextAsync("#key-summary")).Trim());

        // Act
        await page.ClickAsync("#key-summary");
        await page.FillAsync("#access-key", key);
        // Mark the public render stale, so waiting for "ready" below waits for the keyed render, not the one before it.
        await page.EvaluateAsync("() => { document.body.dataset.state = 'stale'; }");
        await page.ClickAsync("#key-apply");
        await page.WaitForFunctionAsync("() => document.getElementById('key-summary').textContent.includes('rmc:')");
        await ViewerPage.WaitReadyAsync(page);

        // Assert: the page shows the keyed numbers, sent the key, and kept it out of the shareable URL.
        Assert.Contains($"rmc:{Region}", await page.InnerTextAsync("#key-summary"), StringComparison.Ordinal);
        var shown = (await ViewerPage.RowsAsync(page, "#institutions-table")).Select(r => r[2]).ToList();
        Assert.Equal(expected, shown);
        Assert.True(sentWithKey > 0);
        Assert.DoesNotContain(key, page.Url, StringComparison.Ordinal);
        Assert.Empty(outside);
    }

    private static async Task<string> FirstAsync(IPage page, string selector) =>
        (await page.Locator(selector).First.GetAttributeAsync("value"))!;

    /// <summary>A count as the page writes it: Dutch grouping, or "verborgen" when suppressed.</summary>
    private static string Count(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString("N0", Dutch) : "verborgen";

    private static string Rate(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("N1", Dutch) : "verborgen";
}
