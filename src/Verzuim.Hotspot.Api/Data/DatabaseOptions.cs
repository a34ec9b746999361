using System.ComponentModel.DataAnnotations;

namespace Verzuim.Hotspot.Api.Data;

/// <summary>How the service behaves when PostgreSQL is down or restarting.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>
    /// Seconds to open a connection (or wait for a pooled one) before the request fails with 503. Npgsql's default
    /// of 15 s would let requests pile up behind a database that is restarting; a healthy local server answers in milliseconds.
    /// </summary>
    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 2;

    /// <summary>The Retry-After of a 503 answered because the database is unavailable.</summary>
    [Range(1, 300)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>The connection string with this connect timeout, unless the string sets a shorter one.</summary>
    public string Apply(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Timeout = Math.Min(builder.Timeout, ConnectTimeoutSeconds);
        return builder.ConnectionString;
    }
}
