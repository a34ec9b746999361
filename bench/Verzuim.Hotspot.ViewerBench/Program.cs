using System.Globalization;
using Microsoft.Playwright;
using Verzuim.Hotspot.ViewerBench;

// Page-load benchmark of the viewer: milliseconds from navigation start to the map's first 'idle' with the
// institution view's data drawn (the page records it as hotspotViewer.readyAt), in Debian's chromium over loopback.
// The first run meets cold API caches; each run uses a fresh browser context, so the browser cache never helps.
// Usage: Verzuim.Hotspot.ViewerBench <viewer url, e.g. http://127.0.0.1:5098/viewer/?unit=25LX> [runs, default 7]
//        Verzuim.Hotspot.ViewerBench --screenshots <api base url> <folder>   (the PNGs in docs/)
const double TargetMs = 2000;
var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
if (args.Length == 3 && args[0] == "--screenshots")
{
    await Screenshots.TakeAsync(chromium, new Uri(args[1]), args[2]);
    return;
}
var url = args.Length > 0 ? args[0] : throw new ArgumentException("Give the viewer URL of the institution view.");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
});

var times = new List<double>();
for (var run = 0; run < runs; run++)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
    var page = await context.NewPageAsync();
    var outside = 0;
    await page.RouteAsync("**/*", async route =>
    {
        var host = new Uri(route.Request.Url).Host;
        if (host is "127.0.0.1" or "localhost" or "[::1]" || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
        }
        else
        {
            outside++;
            await route.AbortAsync();
        }
    });
    await page.GotoAsync(url);
    await page.WaitForFunctionAsync("() => window.hotspotViewer && window.hotspotViewer.readyAt !== undefined", null,
        new PageWaitForFunctionOptions { Timeout = 120_000 });
    var ms = await page.EvaluateAsync<double>("() => window.hotspotViewer.readyAt");
    var bytes = await page.EvaluateAsync<double>("() => performance.getEntriesByType('resource').reduce((s, e) => s + (e.transferSize || 0), 0)");
    // Where the time goes: scripts parsed and run (DOMContentLoaded), MapLibre's 'load', the view's data on the map.
    var marks = await page.EvaluateAsync<double[]>("""
        () => [performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
               ...['viewer-map-load', 'viewer-view-data'].map(n => performance.getEntriesByName(n)[0]?.startTime ?? NaN)]
        """);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run + 1}{(run == 0 ? " (cold API caches)" : "")}: first idle at {ms:0} ms (scripts run {marks[0]:0}, map load {marks[1]:0}, " +
        $"view data {marks[2]:0}), {bytes / 1024:0} KiB transferred, {outside} requests to other hosts"));
    times.Add(ms);
}
var warm = times.Skip(1).Order().ToList();
var median = warm.Count > 0 ? warm[warm.Count / 2] : times[0];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"institution view, time to first idle: cold {times[0]:0} ms, warm median {median:0} ms; target {TargetMs:0} ms; warm median / target = {median / TargetMs:0.00}, cold / target = {times[0] / TargetMs:0.00}"));
