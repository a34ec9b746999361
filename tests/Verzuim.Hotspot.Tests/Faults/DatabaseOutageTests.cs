using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Faults;

/// <summary>
/// The database goes away under a running API and comes back. The API reaches PostgreSQL through a
/// <see cref="TcpProxy"/>, so the outage is real to it (dropped and refused connections) while the shared server runs on.
/// </summary>
public sealed class DatabaseOutageTests(PostGisFixture postGis)
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(2);

    private static readonly string[] Paths =
    [
        "/health/ready",
        "/rmc-regions",
        "/rmc-regions/MC21",
        "/municipalities/GM0363",
        "/institutions",
        "/collections/municipalities/items?limit=5",
        "/collections/municipalities/tiles/WebMercatorQuad/8/131/84",
        "/postcodes/1012AB",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_The_Database_Is_Down_Every_Request_Fails_Within_Two_Seconds_With_503_And_Retry_After()
    {
        // Arrange: a warm API, with pooled connections that the outage will break.
        await using var proxy = StartProxy();
        await using var api = ProxiedApi(proxy);
        var client = await WarmClientAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);

        // Act: the database goes away; the same requests, three times each, all at once.
        proxy.Cut();
        var answers = await Task.WhenAll(Paths.SelectMany(p => Enumerable.Repeat(p, 3)).Select(p => TimedGetAsync(client, p)));

        // Assert
        foreach (var (path, response, elapsed) in answers)
        {
            Assert.True(elapsed < FailFast, $"{path} took {elapsed.TotalMilliseconds:F0} ms");
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{path} has no Retry-After");
        }
    }

    [Fact]
    public async Task When_The_Database_Is_Back_The_Api_Recovers_By_Itself()
    {
        // Arrange: an API that has met the outage.
        await using var proxy = StartProxy();
        await using var api = ProxiedApi(proxy);
        var client = await WarmClientAsync(api);
        proxy.Cut();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/rmc-regions", Ct)).StatusCode);

        // Act: the database is back; nobody restarts the API.
        proxy.Restore();
        var clock = Stopwatch.StartNew();
        var ready = await client.GetAsync("/health/ready", Ct);

        // Assert: the first request after the outage already succeeds, and so does every other.
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await AssertEveryPathAnswersAsync(client);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"recovery took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_Restart_Between_Two_Requests_Costs_No_Request()
    {
        // Arrange: a warm API whose connections, the one that reads the data version among them, the restart will break.
        await using var proxy = StartProxy();
        await using var api = ProxiedApi(proxy);
        var client = await WarmClientAsync(api);

        // Act: the database restarts while nobody asks anything.
        proxy.Cut();
        proxy.Restore();

        // Assert: the first requests after it already succeed.
        await AssertEveryPathAnswersAsync(client);
    }

    /// <summary>A client of the API that has already answered once, so its pool holds connections an outage can break.</summary>
    private static async Task<HttpClient> WarmClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> api)
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rmc-regions", Ct)).StatusCode);
        return client;
    }

    private static async Task AssertEveryPathAnswersAsync(HttpClient client)
    {
        foreach (var path in Paths)
        {
            var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    private TcpProxy StartProxy()
    {
        var target = new NpgsqlConnectionStringBuilder(postGis.ConnectionString);
        return TcpProxy.Start(target.Host!, target.Port);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> ProxiedApi(TcpProxy proxy)
    {
        var proxied = new NpgsqlConnectionStringBuilder(postGis.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        // The shipped connect timeout, not the test factory's patient one: failing fast is what these tests check.
        var shipped = new DatabaseOptions().ConnectTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        return new ApiFactory(postGis).WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Hotspot", proxied.ConnectionString)
            .UseSetting("Database:ConnectTimeoutSeconds", shipped));
    }

    private static async Task<(string Path, HttpResponseMessage Response, TimeSpan Elapsed)> TimedGetAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync(path, Ct);
        return (path, response, clock.Elapsed);
    }
}
