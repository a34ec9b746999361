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
    public static async Task EnsureAsync(PostGisFixture postGis, params string[] schoolYears)
    {
        using var store = new ProtectionStore(postGis.DataSource, Options.Create(new DisclosureOptions()),
            Options.Create(new GeographyOptions { GeodataPath = RepositoryPaths.Geodata }), NullLogger<ProtectionStore>.Instance);
        foreach (var schoolYear in schoolYears)
        {
            await store.EnsureAsync(schoolYear, PostGisFixture.Year, CancellationToken.None);
        }
    }
}
