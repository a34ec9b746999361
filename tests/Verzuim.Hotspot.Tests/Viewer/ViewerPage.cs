using Microsoft.Playwright;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Viewer;

/// <summary>How the tests drive the viewer page: open a view by its URL, wait until it has drawn, ask the map.</summary>
internal static class ViewerPage
{
    public static async Task OpenAsync(IPage page, Uri baseAddress, string query)
    {
        // Always the national set's school year: other test classes import later school years of their own.
        var separator = query.StartsWith('?') ? "&" : "?";
        await page.GotoAsync(new Uri(baseAddress, $"viewer/{query}{separator}schoolYear={NationalSyntheticData.Latest}").ToString());
        await WaitReadyAsync(page);
    }

    /// <summary>The page sets body[data-state] to "ready" after the view's data is on the map and the map is idle.</summary>
    public static async Task WaitReadyAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => ['ready', 'error'].includes(document.body.dataset.state)", null,
            new PageWaitForFunctionOptions { Timeout = (float)ViewerFixture.Patience.TotalMilliseconds });
        var state = await page.EvaluateAsync<string>("() => document.body.dataset.state");
        Assert.True(state == "ready", "The viewer reported an error: " + await page.InnerTextAsync("#panel"));
    }

    public static Task<int> RenderedAsync(IPage page, string layer) =>
        page.EvaluateAsync<int>("layer => window.hotspotViewer.map.queryRenderedFeatures({ layers: [layer] }).length", layer);

    /// <summary>The text of each body row of a table, cell by cell.</summary>
    public static Task<string[][]> RowsAsync(IPage page, string table) =>
        page.EvaluateAsync<string[][]>("sel => [...document.querySelectorAll(sel + ' tbody tr')].map(r => [...r.cells].map(c => c.innerText.trim()))", table);
}
