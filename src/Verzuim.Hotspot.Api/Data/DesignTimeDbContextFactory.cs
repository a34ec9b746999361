using Microsoft.EntityFrameworkCore.Design;

namespace Verzuim.Hotspot.Api.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running database or host configuration.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HotspotDbContext>
{
    public HotspotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HotspotDbContext>()
            .UseHotspotNpgsql("Host=localhost;Database=design_time").Options);
}
