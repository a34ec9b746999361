using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Access;

/// <summary>
/// Keys and roles on the national synthetic set: an RMC key sees its own region exactly and nobody else's small cells,
/// keys are issued, revoked and expire, admin routes are admin-only, and every keyed request is audited.
/// </summary>
public sealed class AccessTests(PostGisFixture postGis, ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Region = "MC21";

    // The national set's own school year: other test classes import later years, and the default is the latest.
    private const string SchoolYear = $"schoolYear={NationalSyntheticData.Latest}";
    private readonly HttpClient _anonymous = api.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await postGis.National.EnsureLoadedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private HttpClient Client(string? key)
    {
        var client = api.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHasher.Header, key);
        }
        return client;
    }

    private async Task<JsonElement> IssueAsync(string role, DateTimeOffset? expiresAt = null)
    {
        var response = await Client(ApiFactory.AdminApiKey).PostAsJsonAsync("/admin/keys", new { role, label = $"test {role}", expiresAt }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Dictionary<(string Row, string Column), (long? Students, bool Suppressed)> Cells(JsonElement flows) =>
        flows.GetProperty("cells").EnumerateArray().ToDictionary(
            c => (c.GetProperty("row").GetString()!, c.GetProperty("column").GetString()!),
            c => (c.GetProperty("counts").GetProperty("students") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : (long?)null,
                c.GetProperty("counts").GetProperty("suppressed").GetBoolean()));

    [Fact]
    public async Task An_Rmc_Key_Sees_Every_Cell_Of_Its_Own_Region_Exactly_Including_Small_Ones()
    {
        // Arrange
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();
        var exact = Cells(await Client(ApiFactory.AdminApiKey).GetFromJsonAsync<JsonElement>($"/flows?by=campus&ageBand=all&{SchoolYear}", Ct));

        // Act
        var response = await Client(key).GetAsync($"/flows?by=campus&ageBand=all&{SchoolYear}", Ct);
        var seen = Cells(await response.Content.ReadFromJsonAsync<JsonElement>(Ct));

        // Assert
        var own = exact.Where(c => c.Key.Row == Region).ToList();
        Assert.Contains(own, c => c.Value.Students is > 0 and < 5);
        Assert.All(own, c => Assert.Equal((c.Value.Students, false), seen[c.Key]));
        Assert.Equal($"rmc:{Region}", response.Headers.GetValues("X-Disclosure-View").Single());
    }

    [Fact]
    public async Task An_Rmc_Key_Sees_No_Small_Cell_Of_Another_Region_And_Every_Shown_Cell_Is_Exact()
    {
        // Arrange
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();
        var exact = Cells(await Client(ApiFactory.AdminApiKey).GetFromJsonAsync<JsonElement>($"/flows?by=institution&ageBand=18plus&{SchoolYear}", Ct));

        // Act
        var seen = Cells(await Client(key).GetFromJsonAsync<JsonElement>($"/flows?by=institution&ageBand=18plus&{SchoolYear}", Ct));

        // Assert
        var others = seen.Where(c => c.Key.Row != Region).ToList();
        Assert.Contains(others, c => c.Value.Suppressed);
        Assert.All(others, c => Assert.True(c.Value.Suppressed || c.Value.Students is 0 or >= 5, $"{c.Key}: {c.Value.Students}"));
        Assert.All(seen.Where(c => !c.Value.Suppressed), c => Assert.Equal(exact[c.Key].Students, c.Value.Students));
    }

    [Fact]
    public async Task An_Rmc_Key_Gets_The_Outlier_Statistics_Of_Its_Own_Small_Cells_And_Of_No_Other_Regions()
    {
        // Arrange
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();
        static bool Small(JsonElement i) => i.GetProperty("students").GetInt64() is > 0 and < 5 || i.GetProperty("observed").GetInt64() is > 0 and < 5;

        // Act
        var keyed = (await Client(key).GetFromJsonAsync<JsonElement>($"/outliers?level=cell&{SchoolYear}", Ct)).GetProperty("items").EnumerateArray().ToList();
        var open = (await _anonymous.GetFromJsonAsync<JsonElement>($"/outliers?level=cell&{SchoolYear}", Ct)).GetProperty("items").EnumerateArray().ToList();

        // Assert: its own small cells are analysed and shown exactly; nobody else's are, for it or for the public.
        Assert.Contains(keyed, i => i.GetProperty("rmcCode").GetString() == Region && Small(i) && i.GetProperty("z").ValueKind == JsonValueKind.Number);
        Assert.DoesNotContain(keyed, i => i.GetProperty("rmcCode").GetString() != Region && Small(i));
        Assert.DoesNotContain(open, Small);
    }

    [Fact]
    public async Task An_Rmc_Key_Sees_The_Hotspot_Areas_Of_Its_Own_Region_Exactly_And_Others_Protected()
    {
        // Arrange
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();
        await using var db = postGis.CreateDbContext();
        var own = (await db.Database.SqlQuery<string>($"""
            select p.code as "Value" from pc4_areas p join municipalities m on m.classification_year = p.classification_year and m.code = p.municipality_code
            where p.classification_year = {PostGisFixture.Year} and m.rmc_code = {Region}
            """).ToListAsync(Ct)).Select(c => c.Trim()).ToHashSet();
        static bool Small(JsonElement p) => p.GetProperty("students").GetInt64() is > 0 and < 5 || p.GetProperty("absenceReports").GetInt64() is > 0 and < 5;

        // Act
        var areas = (await Client(key).GetFromJsonAsync<JsonElement>($"/hotspots?level=pc4&permutations=0&{SchoolYear}", Ct))
            .GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties"));

        // Assert
        Assert.NotEmpty(own);
        Assert.All(own.Where(areas.ContainsKey), code => Assert.False(areas[code].GetProperty("suppressed").GetBoolean(), code));
        Assert.Contains(own.Where(areas.ContainsKey), code => Small(areas[code]));
        Assert.All(areas.Where(a => !own.Contains(a.Key) && !a.Value.GetProperty("suppressed").GetBoolean()), a => Assert.False(Small(a.Value), a.Key));
    }

    [Fact]
    public async Task An_Rmc_Key_Sees_The_Postcode_Layer_Of_Its_Own_Region_Exactly()
    {
        // Arrange
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();
        var path = $"/collections/postcode-areas/items?rmc={Region}&limit=1000&properties=students,absenceReports,suppressed&simplify=5000&{SchoolYear}";
        static List<JsonElement> Features(JsonElement page) => [.. page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))];
        static bool Small(JsonElement p) => p.GetProperty("students").GetInt64() is > 0 and < 5 || p.GetProperty("absenceReports").GetInt64() is > 0 and < 5;

        // Act
        var keyed = Features(await Client(key).GetFromJsonAsync<JsonElement>(path, Ct));
        var open = Features(await _anonymous.GetFromJsonAsync<JsonElement>(path, Ct));

        // Assert: the region's own postcodes, small ones included, are exact for its key and hidden for the public.
        Assert.All(keyed, p => Assert.False(p.GetProperty("suppressed").GetBoolean()));
        Assert.Contains(keyed, Small);
        Assert.Contains(open, p => p.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task An_Anonymous_Request_Right_After_A_Keyed_One_Sees_The_Public_View()
    {
        // Arrange: the keyed request first, so any shared cache would be warm with its answer.
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();
        const string path = $"/collections/rmc-regions/items?limit=100&{SchoolYear}";
        var keyed = await Client(key).GetAsync(path, Ct);
        var keyedFlows = await Client(key).GetAsync($"/flows?by=campus&{SchoolYear}", Ct);

        // Act
        var anonymous = await _anonymous.GetAsync(path, Ct);
        var anonymousFlows = await _anonymous.GetAsync($"/flows?by=campus&{SchoolYear}", Ct);

        // Assert
        Assert.Equal("public", anonymous.Headers.GetValues("X-Disclosure-View").Single());
        Assert.NotEqual(keyed.Headers.ETag, anonymous.Headers.ETag);
        Assert.Contains("private", keyed.Headers.CacheControl!.ToString());
        Assert.True(anonymous.Headers.CacheControl!.Public);
        Assert.Contains(ApiKeyHasher.Header, anonymous.Headers.Vary);
        var publicFlows = await anonymousFlows.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var publicCells = Cells(publicFlows);
        var keyedCells = Cells(await keyedFlows.Content.ReadFromJsonAsync<JsonElement>(Ct));
        Assert.Contains(keyedCells, c => c.Key.Row == Region && c.Value.Students is > 0 and < 5);
        Assert.DoesNotContain(publicCells, c => c.Value.Students is > 0 and < 5);
        Assert.Equal("public", publicFlows.GetProperty("provenance").GetProperty("view").GetString());
    }

    [Fact]
    public async Task A_Revoked_Key_Gets_401()
    {
        // Arrange
        var issued = await IssueAsync($"rmc:{Region}");
        var key = issued.GetProperty("key").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Client(key).GetAsync("/me", Ct)).StatusCode);

        // Act
        var revoke = await Client(ApiFactory.AdminApiKey).DeleteAsync($"/admin/keys/{issued.GetProperty("id").GetString()}", Ct);
        var after = await Client(key).GetAsync("/rmc-regions", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_Expired_Key_Gets_401()
    {
        // Arrange: issued directly, already past its expiry.
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotspotDbContext>();
        var issued = await db.IssueKeyAsync(new AccessRole(AccessKind.Rmc, Region), "expired", DateTimeOffset.UtcNow.AddMinutes(-1), TimeProvider.System, Ct);

        // Act
        var response = await Client(issued.Key).GetAsync("/flows", Ct);

        // Assert
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_Rmc_Key_Calling_Admin_Routes_Gets_403_And_No_Key_Gets_401()
    {
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();

        var asRmc = await Client(key).GetAsync("/admin/keys", Ct);
        var create = await Client(key).PostAsJsonAsync("/admin/keys", new { role = "admin", label = "escalation" }, Ct);
        var anonymous = await _anonymous.GetAsync("/admin/keys", Ct);

        await asRmc.AssertProblemAsync(HttpStatusCode.Forbidden);
        await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Issued_Keys_Are_Listed_Without_Hashes_Or_Keys_And_Shown_Once()
    {
        var issued = await IssueAsync($"rmc:{Region}");

        var list = await Client(ApiFactory.AdminApiKey).GetStringAsync("/admin/keys", Ct);

        Assert.StartsWith("vzh_", issued.GetProperty("key").GetString());
        Assert.True(issued.GetProperty("key").GetString()!.Length >= 43);
        Assert.Contains(issued.GetProperty("id").GetString()!, list);
        Assert.DoesNotContain(issued.GetProperty("key").GetString()!, list);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("rmc:MC99")]
    [InlineData("region:MC21")]
    [InlineData("institution:toolong")]
    [InlineData("")]
    public async Task A_Key_For_An_Unknown_Role_Is_A_400_Problem(string role)
    {
        var response = await Client(ApiFactory.AdminApiKey).PostAsJsonAsync("/admin/keys", new { role, label = "x" }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Me_Tells_A_Caller_Its_Role_And_Scope()
    {
        var key = (await IssueAsync($"rmc:{Region}")).GetProperty("key").GetString();

        var me = await Client(key).GetFromJsonAsync<JsonElement>("/me", Ct);
        var anonymous = await _anonymous.GetFromJsonAsync<JsonElement>("/me", Ct);

        Assert.Equal($"rmc:{Region}", me.GetProperty("role").GetString());
        Assert.Equal(Region, me.GetProperty("scope").GetString());
        Assert.Equal("public", anonymous.GetProperty("role").GetString());
        Assert.False(anonymous.GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task The_Audit_Log_Holds_The_Keyed_Requests_And_Never_The_Key()
    {
        // Arrange
        var issued = await IssueAsync($"rmc:{Region}");
        var key = issued.GetProperty("key").GetString()!;
        var marker = Guid.NewGuid().ToString("N");
        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");

        // Act
        await Client(key).GetAsync($"/rmc-regions/{Region}/institutions?marker={marker}", Ct);

        // Assert: written in the background, so poll (up to 30 s: a bound against a hang on a loaded machine).
        JsonElement entry = default;
        var patience = Stopwatch.StartNew();
        while (entry.ValueKind == JsonValueKind.Undefined && patience.Elapsed < TimeSpan.FromSeconds(30))
        {
            var log = await Client(ApiFactory.AdminApiKey).GetFromJsonAsync<JsonElement>($"/admin/audit?since={Uri.EscapeDataString(since)}", Ct);
            entry = log.EnumerateArray().FirstOrDefault(e => e.GetProperty("path").GetString()!.Contains(marker, StringComparison.Ordinal));
            if (entry.ValueKind == JsonValueKind.Undefined)
            {
                await Task.Delay(100, Ct);
            }
        }
        Assert.NotEqual(JsonValueKind.Undefined, entry.ValueKind);
        Assert.Equal($"rmc:{Region}", entry.GetProperty("role").GetString());
        Assert.Equal(issued.GetProperty("id").GetString(), entry.GetProperty("keyId").GetString());
        Assert.Equal("GET", entry.GetProperty("method").GetString());
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.DoesNotContain(key, entry.ToString());
    }

    [Fact]
    public async Task Over_The_Anonymous_Rate_A_Client_Gets_429_With_Retry_After()
    {
        await using var strict = api.WithWebHostBuilder(b => b.UseSetting("Auth:AnonymousPerSecond", "1"));
        var client = strict.CreateClient();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await client.GetAsync("/health/live", Ct);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Repeated_Wrong_Keys_From_One_Client_Are_Slowed_To_429()
    {
        await using var strict = api.WithWebHostBuilder(b => b.UseSetting("Auth:FailedKeysPerMinute", "3"));
        var client = strict.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHasher.Header, "vzh_guess");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/rmc-regions", Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
