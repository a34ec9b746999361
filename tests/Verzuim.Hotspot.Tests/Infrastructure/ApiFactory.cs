using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>The API in memory, on the fixture's database and the repository's geodata folder.</summary>
public class ApiFactory(PostGisFixture postGis) : WebApplicationFactory<Program>
{
    public const string AdminApiKey = "test-admin-key";

    /// <summary>
    /// Seconds to open a connection or read the data version. The service's 2 s turns a database that does not answer
    /// into a quick 503; a machine loaded by the suite itself (two suites side by side) met that bound in tests that are
    /// not about faults, which then saw 503s. The fault tests (<c>DatabaseOutageTests</c>) keep the shipped value.
    /// </summary>
    public const string PatientDatabaseSeconds = "30";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: AddHotspotData reads the connection string before Build().
        builder.UseSetting("ConnectionStrings:Hotspot", postGis.ConnectionString);
        builder.UseSetting("Geography:GeodataPath", RepositoryPaths.Geodata);
        builder.UseSetting("Auth:AdminApiKey", AdminApiKey);
        builder.UseSetting("Database:ConnectTimeoutSeconds", PatientDatabaseSeconds);
        // Every test client shares one address; the rate limits have tests of their own.
        builder.UseSetting("Auth:AnonymousPerSecond", "100000");
        builder.UseSetting("Auth:KeyedPerSecond", "100000");
        // Each test protects the school years it reads (see Protections); no factory warms all of them at start.
        builder.UseSetting("Disclosure:WarmOnStart", "false");
        builder.UseEnvironment("Testing");
    }
}

/// <summary>
/// The API protecting the public view against the public alone (<c>Disclosure:ProtectAgainstKeyHolders</c> off), as a
/// service that issues no RMC keys may. Tables small enough to solve by hand are solved for that rule: with four
/// regions, holding against each region's key hides nearly every cell (see RoleProtectionTests).
/// </summary>
public sealed class PublicOnlyApiFactory(PostGisFixture postGis) : ApiFactory(postGis)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Disclosure:ProtectAgainstKeyHolders", "false");
    }
}

/// <summary>
/// The API protecting the public view against every institution key holder as well
/// (<c>Disclosure:ProtectAgainstInstitutionKeys</c> on), so that it issues <c>institution:</c> keys.
/// </summary>
public sealed class InstitutionKeysApiFactory(PostGisFixture postGis) : ApiFactory(postGis)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Disclosure:ProtectAgainstInstitutionKeys", "true");
    }
}
