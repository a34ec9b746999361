using Microsoft.Playwright;

namespace Verzuim.Hotspot.ViewerBench;

/// <summary>The documentation screenshots: one per view, and the first page of an institution's pack.</summary>
internal static class Screenshots
{
    private static readonly (string File, string Path)[] Views =
    [
        ("viewer-institution.png", "viewer/?unit=25LX"),
        ("viewer-region.png", "viewer/?view=region&region=MC21"),
        ("viewer-hotspots.png", "viewer/?view=hotspots&ageBand=all"),
        ("viewer-outliers.png", "viewer/?view=outliers&pick=25PZ"),
        ("viewer-trends.png", "viewer/?view=trends&pick=MC21"),
        ("viewer-english.png", "viewer/?unit=25PZ&lang=en"),
    ];

    public static async Task TakeAsync(string chromium, Uri baseUrl, string folder)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 760 } });
        foreach (var (file, path) in Views)
        {
            await page.GotoAsync(new Uri(baseUrl, path).ToString());
            await page.WaitForFunctionAsync("() => document.body.dataset.state === 'ready'", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file) });
            Console.WriteLine(file);
        }
        await page.SetViewportSizeAsync(794, 1123);
        await page.GotoAsync(new Uri(baseUrl, "packs/institutions/25LX").ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "pack-institution.png") });
        Console.WriteLine("pack-institution.png");
    }
}
