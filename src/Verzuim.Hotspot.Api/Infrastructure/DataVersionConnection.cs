namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// The data version query on a connection of its own, prepared once. It runs a few thousand times a second under load
/// (once per batch of waiting requests, <see cref="DataVersionReader"/>), and renting a pooled connection and having
/// the server parse the query each time cost a tenth of the throughput of a kept answer (docs/scaling.md). The reader
/// runs one query at a time, so one connection is enough and needs no lock.
/// </summary>
internal sealed class DataVersionConnection(NpgsqlDataSource dataSource, DatabaseOptions options) : IAsyncDisposable
{
    private const string VersionSql = "select version from data_state where id = 1";

    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;

    public async Task<long> ReadAsync()
    {
        if (_command is not null)
        {
            try
            {
                return await ExecuteAsync(_command);
            }
            catch (NpgsqlException e) when (e.InnerException is not TimeoutException)
            {
                // The connection broke since the last read, as a restart of PostgreSQL breaks every connection, the
                // idle pooled ones too. Forget those and try once more on a new connection, so that a restart nobody
                // met costs no request. A database that does not answer (a timeout) is not asked twice: its waiters
                // must fail within the bound.
                await CloseAsync();
                DatabaseUnavailableHandler.ForgetPooledConnections(dataSource);
            }
            catch
            {
                await CloseAsync();
                throw;
            }
        }
        try
        {
            _connection = await dataSource.OpenConnectionAsync();
            _command = new NpgsqlCommand(VersionSql, _connection)
            {
                // Nobody's request cancels a shared read, so it has a bound of its own: a database that does not
                // answer fails the waiters as fast as opening a connection to it would.
                CommandTimeout = options.ConnectTimeoutSeconds,
            };
            await _command.PrepareAsync();
            return await ExecuteAsync(_command);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private static async Task<long> ExecuteAsync(NpgsqlCommand command) => await command.ExecuteScalarAsync() as long? ?? 0;

    private async ValueTask CloseAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        (_command, _connection) = (null, null);
    }
}
