using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Tests.Caching;

/// <summary>The one cache of computed answers: single flight, no kept failures, no shared cancellation, versions replace each other.</summary>
public sealed class VersionedCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_Callers_Of_One_Key_Share_One_Build()
    {
        // Arrange
        using var cache = new VersionedCache(1);
        var builds = 0;
        var release = new TaskCompletionSource();
        async Task<string> Build()
        {
            Interlocked.Increment(ref builds);
            await release.Task;
            return "matrix";
        }

        // Act: ten callers ask before the first build finishes.
        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetOrBuildAsync("flows", 7, ("2024-2025", "all"), Build, _ => 10, Ct)).ToList();
        release.SetResult();
        var values = await Task.WhenAll(callers);

        // Assert
        Assert.Equal(1, builds);
        Assert.All(values, v => Assert.Equal("matrix", v));
        Assert.True(cache.TryGet<string>("flows", 7, ("2024-2025", "all"), out _));
    }

    [Fact]
    public async Task A_Failed_Build_Is_Not_Kept_And_The_Next_Caller_Builds_Again()
    {
        // Arrange
        using var cache = new VersionedCache(1);
        var attempts = 0;
        Task<string> Build() => ++attempts == 1 ? throw new InvalidOperationException("database down") : Task.FromResult("ok");

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrBuildAsync("hotspots", 1, "pc4", Build, _ => 1, Ct));
        var second = await cache.GetOrBuildAsync("hotspots", 1, "pc4", Build, _ => 1, Ct);

        // Assert
        Assert.Equal("ok", second);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task One_Caller_Giving_Up_Does_Not_Cancel_The_Build_Others_Wait_For()
    {
        // Arrange
        using var cache = new VersionedCache(1);
        var release = new TaskCompletionSource();
        async Task<string> Build()
        {
            await release.Task;
            return "tile";
        }
        using var impatient = new CancellationTokenSource();

        // Act
        var first = cache.GetOrBuildAsync("tiles", 3, (8, 131, 84), Build, _ => 1, impatient.Token);
        var second = cache.GetOrBuildAsync("tiles", 3, (8, 131, 84), Build, _ => 1, Ct);
        await impatient.CancelAsync();
        release.SetResult();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("tile", await second);
    }

    [Fact]
    public async Task A_Newer_Version_Drops_The_Older_Entries_Of_Its_Family_Only()
    {
        // Arrange
        using var cache = new VersionedCache(1);
        await cache.GetOrBuildAsync("flows", 1, "k", () => Task.FromResult("v1"), _ => 1, Ct);
        await cache.GetOrBuildAsync("tiles", 1, "k", () => Task.FromResult("t1"), _ => 1, Ct);

        // Act: an import bumps the data version and flows are asked for again.
        await cache.GetOrBuildAsync("flows", 2, "k", () => Task.FromResult("v2"), _ => 1, Ct);

        // Assert
        Assert.False(cache.TryGet<string>("flows", 1, "k", out _));
        Assert.True(cache.TryGet<string>("flows", 2, "k", out var current));
        Assert.Equal("v2", current);
        Assert.True(cache.TryGet<string>("tiles", 1, "k", out _));
    }

    [Fact]
    public async Task Zero_Megabytes_Keeps_Nothing_But_Still_Answers()
    {
        // Arrange
        using var cache = new VersionedCache(0);

        // Act
        var value = await cache.GetOrBuildAsync("tiles", 1, "k", () => Task.FromResult("t"), _ => 1, Ct);

        // Assert
        Assert.False(cache.Enabled);
        Assert.Equal("t", value);
        Assert.False(cache.TryGet<string>("tiles", 1, "k", out _));
    }
}
