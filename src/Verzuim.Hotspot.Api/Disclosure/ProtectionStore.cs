using System.Collections.Concurrent;
using NpgsqlTypes;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The joint protection (<see cref="SecondarySuppression"/>) of each school year, computed once per
/// <see cref="MaskKey"/> and kept in PostgreSQL (disclosure_masks), so every process of the service publishes through
/// the same mask and a restart does not recompute it. One computation at a time per process, and one per key across
/// processes (an advisory lock): the others wait for it and load what it stored. Computing takes minutes on a national
/// set, so it starts when an import commits and when the service starts (<see cref="ProtectionWarmer"/>); a request
/// that finds it still running waits a few seconds, then gets 503 with Retry-After (<see cref="ProtectionPendingException"/>).
/// Nothing is ever published from counts without their mask. A protection shipped with the bundled synthetic counts
/// (<see cref="ShippedProtection"/>) replaces the computation for exactly the tables it was computed for.
/// </summary>
internal sealed partial class ProtectionStore(NpgsqlDataSource dataSource, IOptions<DisclosureOptions> options, IOptions<GeographyOptions> geography,
    ILogger<ProtectionStore> logger) : IDisposable
{
    /// <summary>The key of a school year's counts as the caller's snapshot sees them: read it in the same transaction as the counts.</summary>
    public const string KeySql = """
        select d.import_id, g.loaded_at
        from school_year_datasets d cross join geography_loads g
        where d.school_year = @school_year and g.classification_year = @year
        """;

    private readonly ConcurrentDictionary<MaskKey, Lazy<Task<PublishedMask>>> _masks = new();
    private readonly SemaphoreSlim _computing = new(1, 1);

    public void Dispose() => _computing.Dispose();

    /// <summary>The key of the school year's counts in this connection's snapshot; null when it has no counts or the year no geography.</summary>
    private async Task<MaskKey?> KeyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schoolYear, int year, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(KeySql, connection, transaction);
        command.Parameters.AddWithValue("school_year", schoolYear);
        command.Parameters.AddWithValue("year", year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new MaskKey(schoolYear, year, reader.GetInt64(0), reader.GetDateTime(1), options.Value.MinimumCount)
            : null;
    }

    /// <summary>
    /// The mask for these counts. Waits at most Disclosure:ReadyWaitSeconds for a computation under way, then throws
    /// <see cref="ProtectionPendingException"/>, which the service answers with 503 and Retry-After.
    /// </summary>
    private async Task<PublishedMask> GetAsync(MaskKey key, CancellationToken ct)
    {
        var settings = options.Value;
        try
        {
            return await Start(key).WaitAsync(TimeSpan.FromSeconds(settings.ReadyWaitSeconds), ct);
        }
        catch (TimeoutException)
        {
            throw new ProtectionPendingException(key.SchoolYear, settings.RetryAfterSeconds);
        }
    }

    /// <summary>
    /// The mask a caller publishes through, for the counts as this transaction sees them: read the counts in the same
    /// transaction. Null for an unrestricted caller, who sees every count and waits for no protection.
    /// </summary>
    public async Task<PublishedMask?> ForSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schoolYear, int year,
        DisclosurePolicy policy, CancellationToken ct)
    {
        if (policy.Mode != DisclosureMode.Public)
        {
            return null;
        }
        var key = await KeyAsync(connection, transaction, schoolYear, year, ct) ?? throw new ProtectionPendingException(schoolYear, 1);
        return await GetAsync(key, ct);
    }

    /// <summary>
    /// The mask of a school year's current counts, for a caller that reads them outside one snapshot with it: read the
    /// counts after this, then call <see cref="EnsureUnchangedAsync"/>; import ids only grow, so an unchanged key means
    /// the counts read in between are the ones the mask protects.
    /// </summary>
    public async Task<PublishedMask> GetCurrentAsync(string schoolYear, int year, CancellationToken ct) =>
        await GetAsync(await CurrentKeyAsync(schoolYear, year, ct), ct);

    /// <summary>Throws <see cref="ProtectionPendingException"/> (answered 503, retry at once) when the counts changed since the mask was read.</summary>
    public async Task EnsureUnchangedAsync(PublishedMask mask, CancellationToken ct)
    {
        if (await CurrentKeyAsync(mask.Key.SchoolYear, mask.Key.ClassificationYear, ct) != mask.Key)
        {
            throw new ProtectionPendingException(mask.Key.SchoolYear, 1);
        }
    }

    private async Task<MaskKey> CurrentKeyAsync(string schoolYear, int year, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await KeyAsync(connection, null, schoolYear, year, ct) ?? throw new ProtectionPendingException(schoolYear, 1);
    }

    /// <summary>The mask of a school year's current counts, however long it takes (for warming, tools and tests); null without counts.</summary>
    public async Task<PublishedMask?> EnsureAsync(string schoolYear, int year, CancellationToken ct)
    {
        MaskKey? key;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            key = await KeyAsync(connection, null, schoolYear, year, ct);
        }
        return key is null ? null : await Start(key).WaitAsync(ct);
    }

    /// <summary>Starts (or joins) the computation for a key, and forgets the masks it supersedes.</summary>
    private Task<PublishedMask> Start(MaskKey key)
    {
        var entry = _masks.GetOrAdd(key, k => new Lazy<Task<PublishedMask>>(() => Task.Run(() => LoadOrComputeAsync(k))));
        foreach (var old in _masks.Keys.Where(k => k != key && k.SchoolYear == key.SchoolYear && k.ClassificationYear == key.ClassificationYear))
        {
            _masks.TryRemove(old, out _);
        }
        var task = entry.Value;
        // A failed computation is not kept: the next request tries again.
        _ = task.ContinueWith(t => _masks.TryRemove(new KeyValuePair<MaskKey, Lazy<Task<PublishedMask>>>(key, entry)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private async Task<PublishedMask> LoadOrComputeAsync(MaskKey key)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var lockId = LockId(key);
        await ExecuteAsync(connection, "select pg_advisory_lock(@id)", ("id", lockId));
        try
        {
            if (await LoadAsync(connection, key, Promise) is { } stored)
            {
                return stored;
            }
            await _computing.WaitAsync();
            try
            {
                return await ComputeAsync(connection, key);
            }
            finally
            {
                _computing.Release();
            }
        }
        finally
        {
            await ExecuteAsync(connection, "select pg_advisory_unlock(@id)", ("id", lockId));
        }
    }

    /// <summary>
    /// What this process's protections promise. A stored protection is only used by a process that promises the same:
    /// one computed against the public alone must never be published where RMC keys are issued (a service whose
    /// setting was turned on, or two services on one database).
    /// </summary>
    private string Promise => ShippedProtection.PromiseOf(options.Value.ProtectAgainstKeyHolders, options.Value.ProtectAgainstInstitutionKeys);

    private static async Task<PublishedMask?> LoadAsync(NpgsqlConnection connection, MaskKey key, string promise)
    {
        await using var find = new NpgsqlCommand("""
            select id, fingerprint from disclosure_masks
            where school_year = @school_year and classification_year = @year and import_id = @import_id
              and geography_loaded_at = @loaded_at and minimum_count = @minimum_count and promise = @promise
            """, connection);
        AddKey(find, key);
        find.Parameters.AddWithValue("promise", promise);
        return await ReadAsync(find, connection, null, key);
    }

    /// <summary>
    /// A stored protection of tables with this fingerprint (the same counts imported again): reusing it means the same
    /// counts are never published under two masks, which an intruder could combine.
    /// </summary>
    private static async Task<PublishedMask?> LoadSameTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MaskKey key,
        string fingerprint)
    {
        await using var find = new NpgsqlCommand(
            "select id, fingerprint from disclosure_masks where fingerprint = @fingerprint order by computed_at desc limit 1", connection, transaction);
        find.Parameters.AddWithValue("fingerprint", fingerprint);
        return await ReadAsync(find, connection, transaction, key);
    }

    /// <summary>The hidden cells of the mask that <paramref name="find"/> selects (id, fingerprint), under <paramref name="key"/>.</summary>
    private static async Task<PublishedMask?> ReadAsync(NpgsqlCommand find, NpgsqlConnection connection, NpgsqlTransaction? transaction, MaskKey key)
    {
        long id;
        string fingerprint;
        await using (var found = await find.ExecuteReaderAsync())
        {
            if (!await found.ReadAsync())
            {
                return null;
            }
            (id, fingerprint) = (found.GetInt64(0), found.GetString(1));
        }
        var hidden = new Dictionary<CellKey, HiddenMeasures>();
        await using var cells = new NpgsqlCommand(
            "select table_name, band, row_id, column_id, students, reports from disclosure_hidden_cells where mask_id = @id", connection, transaction);
        cells.Parameters.AddWithValue("id", id);
        await using var reader = await cells.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hidden[new CellKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))] =
                (reader.GetBoolean(4) ? HiddenMeasures.Students : HiddenMeasures.None) | (reader.GetBoolean(5) ? HiddenMeasures.Reports : HiddenMeasures.None);
        }
        return new PublishedMask(key, hidden) { Fingerprint = fingerprint };
    }

    private async Task<PublishedMask> ComputeAsync(NpgsqlConnection connection, MaskKey key)
    {
        // The counts and their key in one snapshot: what is protected is exactly what the key names.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        if (await KeyAsync(connection, transaction, key.SchoolYear, key.ClassificationYear, CancellationToken.None) != key)
        {
            // Re-imported (or the geography reloaded) since the key was read: the request retries with the new key.
            throw new ProtectionPendingException(key.SchoolYear, 1);
        }
        var tables = await LinkedTablesBuilder.LoadAsync(connection, transaction, key.ClassificationYear, key.SchoolYear, CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (againstKeyHolders, againstInstitutions) = (options.Value.ProtectAgainstKeyHolders, options.Value.ProtectAgainstInstitutionKeys);
        var fingerprint = ShippedProtection.Fingerprint(tables, key.MinimumCount, againstKeyHolders, againstInstitutions);
        var shipped = await LoadSameTablesAsync(connection, transaction, key, fingerprint) ?? ShippedProtection.TryLoad(ShippedFolder, key, fingerprint);
        var result = shipped is null
            ? SecondarySuppression.Protect(tables, key.MinimumCount, TimeSpan.FromSeconds(options.Value.ProtectionTimeLimitSeconds), againstKeyHolders,
                againstInstitutions)
            : null;
        var mask = shipped ?? PublishedMask.From(key, result!.Mask, fingerprint);

        await using (var insert = new NpgsqlCommand("""
            -- This promise's protection of older counts goes; another promise's protection of these counts stays.
            delete from disclosure_masks where school_year = @school_year and classification_year = @year
              and (promise = @promise or (import_id, geography_loaded_at, minimum_count) <> (@import_id, @loaded_at, @minimum_count));
            insert into disclosure_masks (school_year, classification_year, import_id, geography_loaded_at, minimum_count, seconds, small_counts,
                fallbacks, fingerprint, promise)
            values (@school_year, @year, @import_id, @loaded_at, @minimum_count, @seconds, @small_counts, @fallbacks, @fingerprint, @promise)
            returning id
            """, connection, transaction))
        {
            AddKey(insert, key);
            insert.Parameters.AddWithValue("seconds", clock.Elapsed.TotalSeconds);
            insert.Parameters.AddWithValue("small_counts", result?.Targets ?? new DisclosureMask(tables, key.MinimumCount).SmallCounts);
            insert.Parameters.AddWithValue("fallbacks", result?.Fallbacks ?? 0);
            insert.Parameters.AddWithValue("fingerprint", fingerprint);
            insert.Parameters.AddWithValue("promise", Promise);
            var id = (long)(await insert.ExecuteScalarAsync())!;
            await using var copy = await connection.BeginBinaryImportAsync(
                "copy disclosure_hidden_cells (mask_id, table_name, band, row_id, column_id, students, reports) from stdin (format binary)");
            foreach (var (cell, hidden) in mask.Hidden)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(cell.Table, NpgsqlDbType.Text);
                await copy.WriteAsync(cell.Band, NpgsqlDbType.Text);
                await copy.WriteAsync(cell.Row, NpgsqlDbType.Text);
                await copy.WriteAsync(cell.Column, NpgsqlDbType.Text);
                await copy.WriteAsync(hidden.HasFlag(HiddenMeasures.Students), NpgsqlDbType.Boolean);
                await copy.WriteAsync(hidden != HiddenMeasures.None, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        await transaction.CommitAsync();
        LogProtected(logger, key.SchoolYear, key.ClassificationYear, tables.Count, mask.HiddenCells, clock.Elapsed.TotalSeconds,
            result?.Fallbacks ?? 0, shipped is null ? "computed" : "the stored or shipped protection of the same tables");
        return mask;
    }

    /// <summary>Where protections shipped with the bundled synthetic counts are (<see cref="ShippedProtection"/>).</summary>
    private string ShippedFolder => Path.Combine(geography.Value.GeodataPath, "synthetic", "protection");

    private static void AddKey(NpgsqlCommand command, MaskKey key)
    {
        command.Parameters.AddWithValue("school_year", key.SchoolYear);
        command.Parameters.AddWithValue("year", key.ClassificationYear);
        command.Parameters.AddWithValue("import_id", key.ImportId);
        command.Parameters.AddWithValue("loaded_at", key.GeographyLoadedAt);
        command.Parameters.AddWithValue("minimum_count", key.MinimumCount);
    }

    /// <summary>
    /// One advisory lock per school year and classification year, so two processes never compute the same protection.
    /// The id must be the same in every process, so it is built from the numbers, not from a (randomised) string hash.
    /// </summary>
    private static long LockId(MaskKey key) =>
        (0x565AL << 48) | ((long)int.Parse(key.SchoolYear[..4], CultureInfo.InvariantCulture) << 16) | (uint)(key.ClassificationYear & 0xFFFF);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, (string Name, object Value) parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Protected school year {SchoolYear} (geography {Year}): {Cells} cells, {Hidden} hidden, {Seconds:F1} s, {Fallbacks} fallbacks ({Source})")]
    private static partial void LogProtected(ILogger logger, string schoolYear, int year, int cells, int hidden, double seconds, int fallbacks, string source);
}
