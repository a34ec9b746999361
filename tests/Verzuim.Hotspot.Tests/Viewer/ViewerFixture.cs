using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Viewer;

/// <summary>
/// The API on Kestrel at a free loopback port (a browser cannot reach the in-memory TestServer), on the national
/// synthetic set, with the built viewer, and Debian's chromium driven by Playwright. No <c>playwright install</c>:
/// the browser is the system one (scripts/test installs it with apt).
/// </summary>
public sealed class ViewerFixture(PostGisFixture postGis) : IAsyncLifetime
{
    /// <summary>
    /// How long a browser step may wait before the test fails: a bound against a hang, not a timing check (speed is
    /// measured in bench/). Playwright's own 30 s was met on a loaded machine by the first pack of a fresh API, which
    /// computes outliers, trends and hotspots of the national set on its first request.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private IPlaywright? _playwright;
    private Factory? _factory;

    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await postGis.National.EnsureLoadedAsync();
        var dist = Path.Combine(RepositoryPaths.Root, "viewer", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException($"The viewer is not built ({dist}): run `npm ci && npm run build` in viewer/ (scripts/test does).");
        }
        _factory = new Factory(postGis, dist);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = Patience };

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // SwiftShader gives WebGL without a GPU; --disable-gpu would leave overlays over the map unpainted.
            Args = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        });
    }

    /// <summary>
    /// A page whose every request is checked: one to a host other than loopback is aborted and recorded, so a test
    /// can assert that nothing left the machine.
    /// </summary>
    public async Task<(IPage Page, ConcurrentQueue<string> Outside)> NewPageAsync(int width = 1400, int height = 900)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        var outside = new ConcurrentQueue<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var uri = new Uri(route.Request.Url);
            if (uri.Scheme is "data" or "blob" || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)) || uri.Host == "localhost")
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return (page, outside);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("Debian's chromium is not installed (apt-get install chromium; scripts/test does).");
    }

    private sealed class Factory(PostGisFixture postGis, string dist) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Hotspot", postGis.ConnectionString);
            builder.UseSetting("Geography:GeodataPath", RepositoryPaths.Geodata);
            builder.UseSetting("Viewer:DistPath", dist);
            builder.UseSetting("Auth:AdminApiKey", ApiFactory.AdminApiKey);
            builder.UseSetting("Database:ConnectTimeoutSeconds", ApiFactory.PatientDatabaseSeconds);
            builder.UseSetting("Disclosure:WarmOnStart", "false");
            builder.UseEnvironment("Testing");
        }
    }
}
