using Verzuim.Hotspot.Api.Access;

namespace Verzuim.Hotspot.Api.Data;

/// <remarks>
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project src/Verzuim.Hotspot.Api --output-dir Data/Migrations</c>
/// Geometry is stored in RD New (EPSG:28992) and transformed to WGS84 at the edge.
/// </remarks>
public sealed class HotspotDbContext(DbContextOptions<HotspotDbContext> options) : DbContext(options)
{
    internal const int RdNew = 28992;

    internal DbSet<RmcRegion> RmcRegions => Set<RmcRegion>();
    internal DbSet<Municipality> Municipalities => Set<Municipality>();
    internal DbSet<Pc4Area> Pc4Areas => Set<Pc4Area>();
    internal DbSet<Institution> Institutions => Set<Institution>();
    internal DbSet<Campus> Campuses => Set<Campus>();
    internal DbSet<CampusPlacement> CampusPlacements => Set<CampusPlacement>();
    internal DbSet<GeographyLoadReport> GeographyLoads => Set<GeographyLoadReport>();
    internal DbSet<DataState> DataState => Set<DataState>();
    internal DbSet<StudentCount> StudentCounts => Set<StudentCount>();
    internal DbSet<CountsImport> CountsImports => Set<CountsImport>();
    internal DbSet<SchoolYearDataset> SchoolYearDatasets => Set<SchoolYearDataset>();
    internal DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    internal DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HotspotDbContext).Assembly);
    }
}
