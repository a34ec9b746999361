namespace Verzuim.Hotspot.Api.Data;

internal static class DataExtensions
{
    public const string ConnectionStringName = "Hotspot";

    /// <summary>
    /// Registers the EF Core context and one <see cref="NpgsqlDataSource"/> (with PostGIS types) for the
    /// set-based SQL and binary COPY paths. Both read <c>ConnectionStrings:Hotspot</c>
    /// (environment: <c>ConnectionStrings__Hotspot</c>).
    /// </summary>
    public static IHostApplicationBuilder AddHotspotData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is not set (environment variable ConnectionStrings__{ConnectionStringName}).");
        // Read before Build(), like the connection string: both the data source and EF Core open connections with it.
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        connectionString = database.Apply(connectionString);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(_ => CreateDataSource(connectionString));
        // EF Core on the same data source, so there is one connection pool: after a database outage it is cleared in
        // one place (EF Core would otherwise build a private data source of its own, out of reach of NpgsqlConnection.ClearAllPools).
        builder.Services.AddDbContext<HotspotDbContext>((sp, o) => o.UseHotspotNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddOptions<GeographyOptions>()
            .BindConfiguration(GeographyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static TBuilder UseHotspotNpgsql<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder =>
        options
            .UseNpgsql(connectionString, o => o.UseNetTopologySuite().MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention() as TBuilder ?? options;

    public static DbContextOptionsBuilder UseHotspotNpgsql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, o => o.UseNetTopologySuite().MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }
}
