using System.Threading.Channels;

namespace Verzuim.Hotspot.Api.Access;

/// <summary>
/// Records every keyed request (key id, role, method, path, status, time; never the key) without slowing it down: the
/// middleware queues the entry and <see cref="AuditWriter"/> stores it. The queue is bounded; when the database cannot
/// keep up the oldest queued entries are dropped and counted in the log rather than blocking requests.
/// </summary>
internal sealed class AuditLog
{
    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<AuditEntry> Reader => _queue.Reader;

    public void Record(AuditEntry entry) => _queue.Writer.TryWrite(entry);

    /// <summary>
    /// The middleware: every answer names its disclosure view and varies by key; after a keyed request has been
    /// answered, its entry is queued.
    /// </summary>
    public static async Task RecordKeyedRequestsAsync(HttpContext http, RequestDelegate next)
    {
        http.Response.Headers["X-Disclosure-View"] = AccessRole.Of(http.User).ToString();
        http.Response.Headers.Append("Vary", ApiKeyHasher.Header);
        try
        {
            await next(http);
        }
        finally
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var role = AccessRole.Of(http.User);
                http.RequestServices.GetRequiredService<AuditLog>().Record(new AuditEntry
                {
                    KeyId = Guid.TryParse(http.User.FindFirst(AccessRole.KeyIdClaim)?.Value, out var id) ? id : null,
                    Role = role.ToString(),
                    Method = http.Request.Method,
                    Path = (http.Request.Path + http.Request.QueryString).ToString() is var path && path.Length > 2000 ? path[..2000] : path,
                    Status = http.Response.StatusCode,
                    At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
                });
            }
        }
    }
}

/// <summary>Stores queued audit entries in batches and deletes entries past the retention period.</summary>
internal sealed class AuditWriter(AuditLog log, IServiceScopeFactory scopes, IOptions<AccessOptions> options, TimeProvider clock,
    ILogger<AuditWriter> logger) : BackgroundService
{
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>();
        while (await log.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < 500 && log.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<HotspotDbContext>();
                db.AuditLog.AddRange(batch);
                await db.SaveChangesAsync(stoppingToken);
                if (clock.GetUtcNow() - _lastPrune > TimeSpan.FromHours(1))
                {
                    var cutoff = clock.GetUtcNow().AddDays(-options.Value.AuditRetentionDays);
                    await db.AuditLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(stoppingToken);
                    _lastPrune = clock.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not store {Count} audit entries; they are lost.", batch.Count);
            }
            batch.Clear();
        }
    }
}
