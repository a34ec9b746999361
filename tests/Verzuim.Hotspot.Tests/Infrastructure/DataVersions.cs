using System.Globalization;
using System.Net.Http.Headers;

namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// The data version is one for the whole test database, and test classes of other collections import while a test
/// runs: answers a test compares with each other must carry one version.
/// </summary>
internal static class DataVersions
{
    /// <summary>The data version an ETag (W/"version-hash") was made from.</summary>
    public static long Of(EntityTagHeaderValue etag) =>
        long.Parse(etag.Tag.Trim('"').Split('-')[0], CultureInfo.InvariantCulture);

    /// <summary>Two reads, one after the other, read again (up to five times) while a version moved between them.</summary>
    public static async Task<(T First, T Second)> AtOneAsync<T>(Func<Task<T>> first, Func<Task<T>> second, Func<T, long> version)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (x, y) = (await first(), await second());
            if (version(x) == version(y) || attempt == 5)
            {
                return (x, y);
            }
        }
    }
}
