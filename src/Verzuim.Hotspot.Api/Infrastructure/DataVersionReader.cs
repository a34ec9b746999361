namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Reads data_state.version for every request that asks, with at most one query in flight per process: requests that
/// arrive while a read is under way share the next one. A read shared this way still starts after the request
/// arrived, so it sees every import committed before that: an import through one replica is served by the others at
/// once, as when each request read the version itself. Under load this turns one database round trip per request into
/// one per batch: that round trip was most of what a cached answer cost.
/// </summary>
internal sealed class DataVersionReader(Func<Task<long>> read)
{
    private readonly Lock _lock = new();

    /// <summary>The read the requests waiting now will share; it starts when the one in flight is done.</summary>
    private TaskCompletionSource<long>? _next;

    private bool _reading;

    public Task<long> ReadAsync(CancellationToken ct)
    {
        Task<long> shared;
        lock (_lock)
        {
            _next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            shared = _next.Task;
            if (!_reading)
            {
                _reading = true;
                _ = Task.Run(ReadBatchesAsync, CancellationToken.None);
            }
        }
        return shared.WaitAsync(ct);
    }

    /// <summary>Runs one read per batch of waiters until nobody waits.</summary>
    private async Task ReadBatchesAsync()
    {
        while (true)
        {
            TaskCompletionSource<long> batch;
            lock (_lock)
            {
                if (_next is null)
                {
                    _reading = false;
                    return;
                }
                (batch, _next) = (_next, null);
            }
            try
            {
                batch.SetResult(await read());
            }
            catch (Exception e)
            {
                // Every waiter gets the failure (503 through DatabaseUnavailableHandler when the database is away).
                batch.SetException(e);
            }
        }
    }
}
