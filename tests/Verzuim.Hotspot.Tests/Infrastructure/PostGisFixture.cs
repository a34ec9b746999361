using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import;

[assembly: AssemblyFixture(typeof(Verzuim.Hotspot.Tests.Infrastructure.PostGisFixture))]

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// One real PostGIS database for the whole test run, migrated and loaded with the bundled 2025 geography once.
/// The server is <c>ConnectionStrings__Hotspot</c> when set (scripts/test sets it where there is no Docker);
/// otherwise a Testcontainers postgis container. There is no third option: without PostGIS the run fails.
/// </summary>
public sealed class PostGisFixture : IAsyncLifetime
{
    public const string PostGisImage = "postgis/postgis:15-3.4";
    public const int Year = 2025;

    // Keep a reference so the container lives as long as the fixture.
    private PostgreSqlContainer? _container;
    private string _adminConnectionString = "";
    private string _databaseName = "";

    public PostGisFixture() => National = new NationalSyntheticData(this);

    public string ConnectionString { get; private set; } = "";

    /// <summary>The synthetic national dataset, imported into this database on first use.</summary>
    public NationalSyntheticData National { get; }
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    internal GeographyLoadReport GeographyReport { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _adminConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Hotspot") ?? await StartContainerAsync();
        _databaseName = $"verzuim_test_{Guid.NewGuid():N}"[..28];
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {_databaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _databaseName }.ConnectionString;

        await using (var db = CreateDbContext())
        {
            await db.MigrateHotspotAsync(CancellationToken.None);
        }
        DataSource = DataExtensions.CreateDataSource(ConnectionString);
        var loader = new GeographyLoader(DataSource, NullLogger<GeographyLoader>.Instance);
        GeographyReport = await loader.LoadAsync(new GeodataFiles(RepositoryPaths.Geodata, Year), Year, CancellationToken.None);
    }

    internal HotspotDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<HotspotDbContext>().UseHotspotNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        if (_databaseName.Length > 0 && _container is null)
        {
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {_databaseName} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task<string> StartContainerAsync()
    {
        _container = new PostgreSqlBuilder(PostGisImage).Build();
        await _container.StartAsync();
        return _container.GetConnectionString();
    }
}
