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

        builder.Services.AddSingleton(_ => CreateDataSource(connectionString));
        builder.Services.AddDbContext<HotspotDbContext>(o => o.UseHotspotNpgsql(connectionString));
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

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }
}
