namespace Verzuim.Hotspot.Api.Import;

/// <summary>Bulk loads rows with PostgreSQL binary COPY; the one write path for staging tables.</summary>
internal static class BinaryCopy
{
    // copyCommand is a constant COPY ... FROM STDIN (FORMAT BINARY) statement, never built from input;
    // writeRow writes one row's columns in the statement's order.
    public static async Task<ulong> CopyAsync<T>(
        this NpgsqlConnection connection,
        string copyCommand,
        IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow,
        CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copyCommand, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await writeRow(importer, row, ct);
        }
        return await importer.CompleteAsync(ct);
    }

    public static Task WriteNullableAsync<TValue>(this NpgsqlBinaryImporter importer, TValue? value, NpgsqlTypes.NpgsqlDbType type, CancellationToken ct)
        where TValue : struct =>
        value is { } v ? importer.WriteAsync(v, type, ct) : importer.WriteNullAsync(ct);

    public static Task WriteTextAsync(this NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Text, ct);
}
