using Verzuim.Hotspot.Api.Infrastructure;

namespace Verzuim.Hotspot.Tests.Caching;

/// <summary>
/// The data version is read by at most one query at a time, shared by the requests that wait for it, and never by a
/// request that arrived after that query started: such a request could miss an import committed in between.
/// </summary>
public sealed class DataVersionReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A stand-in for the query whose reads finish when the test says, each returning the version at its start.</summary>
    private sealed class ControlledReads
    {
        private readonly List<TaskCompletionSource> _gates = [];
        public long Version;
        public int Started => _gates.Count;

        public async Task<long> ReadAsync()
        {
            var version = Interlocked.Read(ref Version);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gates)
            {
                _gates.Add(gate);
            }
            await gate.Task;
            return version;
        }

        public void Finish(int read)
        {
            lock (_gates)
            {
                _gates[read].SetResult();
            }
        }

        public async Task WaitForStartAsync(int reads)
        {
            while (Started < reads)
            {
                await Task.Delay(5, Ct);
            }
        }
    }

    [Fact]
    public async Task Requests_That_Wait_Together_Share_One_Read()
    {
        // Arrange: a read is in flight, and fifty requests arrive while it runs.
        var reads = new ControlledReads { Version = 7 };
        var reader = new DataVersionReader(reads.ReadAsync);
        var first = reader.ReadAsync(Ct);
        await reads.WaitForStartAsync(1);
        var waiting = Enumerable.Range(0, 50).Select(_ => reader.ReadAsync(Ct)).ToList();

        // Act
        reads.Finish(0);
        await reads.WaitForStartAsync(2);
        reads.Finish(1);
        var versions = await Task.WhenAll(waiting);

        // Assert: two queries for fifty-one requests.
        Assert.Equal(7, await first);
        Assert.All(versions, v => Assert.Equal(7, v));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task A_Request_That_Arrives_During_A_Read_Gets_The_Next_One_And_Sees_An_Import_Committed_Meanwhile()
    {
        // Arrange: a read starts at version 7; an import then commits version 8; then a request arrives.
        var reads = new ControlledReads { Version = 7 };
        var reader = new DataVersionReader(reads.ReadAsync);
        var before = reader.ReadAsync(Ct);
        await reads.WaitForStartAsync(1);
        Interlocked.Exchange(ref reads.Version, 8);
        var after = reader.ReadAsync(Ct);

        // Act
        reads.Finish(0);
        await reads.WaitForStartAsync(2);
        reads.Finish(1);

        // Assert: the read in flight could not have seen the import; the late request does.
        Assert.Equal(7, await before);
        Assert.Equal(8, await after);
    }

    [Fact]
    public async Task A_Failed_Read_Fails_Its_Waiters_And_The_Next_Request_Reads_Again()
    {
        // Arrange
        var attempts = 0;
        var reader = new DataVersionReader(() => Interlocked.Increment(ref attempts) == 1
            ? Task.FromException<long>(new TimeoutException("database away"))
            : Task.FromResult(9L));

        // Act and assert
        await Assert.ThrowsAsync<TimeoutException>(() => reader.ReadAsync(Ct));
        Assert.Equal(9, await reader.ReadAsync(Ct));
    }

    [Fact]
    public async Task A_Cancelled_Request_Stops_Waiting_Without_Cancelling_The_Read_Of_Others()
    {
        // Arrange
        var reads = new ControlledReads { Version = 3 };
        var reader = new DataVersionReader(reads.ReadAsync);
        using var cancel = new CancellationTokenSource();
        var leaving = reader.ReadAsync(cancel.Token);
        var staying = reader.ReadAsync(Ct);
        await reads.WaitForStartAsync(1);

        // Act
        await cancel.CancelAsync();
        reads.Finish(0);

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal(3, await staying);
    }
}
