using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// A database that is down, restarting or out of connections is the server's trouble, not the client's and not a bug:
/// the answer is 503 problem+json with Retry-After, logged as a warning without the stack trace.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(
    IOptions<DatabaseOptions> options, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }
        LogUnavailable(logger, http.Request.Path, exception.Message);
        ForgetPooledConnections(http.RequestServices.GetRequiredService<NpgsqlDataSource>());
        return await http.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "The database is unavailable.",
            "The database does not answer right now. Try again after the number of seconds in Retry-After.",
            options.Value.RetryAfterSeconds, exception);
    }

    /// <summary>
    /// Npgsql marks as transient the socket, I/O and timeout failures and the server's own "shutting down",
    /// "starting up", "too many connections" codes. EF Core may wrap them, so the whole chain is searched.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Idle pooled connections to a server that went away are dead, and Npgsql finds out only by using them: without
    /// this, the first requests after the database is back would fail once per stale connection. EF Core uses the
    /// same data source, so this is the only pool.
    /// </summary>
    public static void ForgetPooledConnections(NpgsqlDataSource dataSource) => dataSource.Clear();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: database unavailable ({Reason}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);
}
