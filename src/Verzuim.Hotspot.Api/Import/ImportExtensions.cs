using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Api.Import;

internal static class ImportExtensions
{
    public static IServiceCollection AddHotspotImporters(this IServiceCollection services) =>
        services.AddTransient<GeographyLoader>().AddTransient<SyntheticCountsLoader>().AddCounts();

    /// <summary>Applies the migrations; a fresh database gets PostGIS from the first one, so reload Npgsql's types after it.</summary>
    public static async Task MigrateHotspotAsync(this HotspotDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await connection.OpenAsync(ct);
            await connection.ReloadTypesAsync(ct);
            await connection.CloseAsync();
        }
    }
}
