using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// Computes and stores the joint disclosure protection of school years, as the service does after an import, so a
/// test's first request does not meet a 503 while a national set is being protected.
/// </summary>
internal static class Protections
{
    public static Task EnsureAsync(PostGisFixture postGis, params string[] schoolYears) => EnsureAsync(postGis, new DisclosureOptions(), schoolYears);

    /// <summary>As above, for a service of these settings (what it promises keys its protection).</summary>
    public static async Task EnsureAsync(PostGisFixture postGis, DisclosureOptions options, params string[] schoolYears)
    {
        using var store = Store(postGis, options);
        foreach (var schoolYear in schoolYears)
        {
            await store.EnsureAsync(schoolYear, PostGisFixture.Year, CancellationToken.None);
        }
    }

    /// <summary>A store of the service's kind over the test database, with the shipped protections of the repository.</summary>
    public static ProtectionStore Store(PostGisFixture postGis, DisclosureOptions options) => new(postGis.DataSource, Options.Create(options),
        Options.Create(new GeographyOptions { GeodataPath = RepositoryPaths.Geodata }), NullLogger<ProtectionStore>.Instance);
}
