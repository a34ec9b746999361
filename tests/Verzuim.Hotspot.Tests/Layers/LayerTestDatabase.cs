using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Layers;

/// <summary>Expectations for the layer tests, read straight from the fixture's database.</summary>
internal static class LayerTestDatabase
{
    public static async Task<List<string>> StringsAsync(this PostGisFixture postGis, string sql, params object[] parameters)
    {
        await using var command = postGis.DataSource.CreateCommand(sql);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var result = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            result.Add(reader.GetString(0).TrimEnd());
        }
        return result;
    }

    public static async Task<T> ScalarAsync<T>(this PostGisFixture postGis, string sql, params object[] parameters)
    {
        await using var command = postGis.DataSource.CreateCommand(sql);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
