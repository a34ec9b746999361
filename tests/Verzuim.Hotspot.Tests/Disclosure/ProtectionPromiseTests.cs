using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Disclosure;

/// <summary>
/// A stored protection is published only by a process that promises what it was computed for. Two services on one
/// database, one protecting against the public alone and one against every RMC key holder too, each publish their
/// own; so does a service whose setting was turned on after its school years were protected.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed class ProtectionPromiseTests(PostGisFixture postGis) : IAsyncLifetime
{
    private const string Year = "2017-2018";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
        var data = await CountsTestData.LoadAsync(postGis);
        var outcome = await new CountsImporter(postGis.DataSource, Options.Create(new GeographyOptions()))
            .ImportAsync(CountsTestData.Stream(CountsTestData.Csv(data.Rows(Year, 120, seed: 17))), "promise", synthetic: false, null, Ct);
        Assert.True(outcome.Succeeded);
    }

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);

    private static readonly int MinimumCount = new DisclosureOptions().MinimumCount;

    private ProtectionStore Store(bool againstKeyHolders) =>
        Protections.Store(postGis, new DisclosureOptions { ProtectAgainstKeyHolders = againstKeyHolders });

    [Fact]
    public async Task A_Protection_Against_The_Public_Alone_Is_Never_Published_Where_Rmc_Keys_Are_Issued()
    {
        // Arrange: the public-only service protects the school year first, as before its setting is turned on.
        var tables = await LinkedTablesBuilder.LoadAsync(postGis.DataSource, PostGisFixture.Year, Year, Ct);
        using (var publicOnly = Store(againstKeyHolders: false))
        {
            var first = await publicOnly.EnsureAsync(Year, PostGisFixture.Year, Ct);
            Assert.Equal(ShippedProtection.Fingerprint(tables, MinimumCount, againstKeyHolders: false), first!.Fingerprint);
        }

        // Act: a process that issues RMC keys, then the public-only one again
        PublishedMask? full, again;
        using (var againstHolders = Store(againstKeyHolders: true))
        {
            full = await againstHolders.EnsureAsync(Year, PostGisFixture.Year, Ct);
        }
        using (var publicOnly = Store(againstKeyHolders: false))
        {
            again = await publicOnly.EnsureAsync(Year, PostGisFixture.Year, Ct);
        }

        // Assert: each publishes the protection of its own promise, and both stay stored
        Assert.Equal(ShippedProtection.Fingerprint(tables, MinimumCount, againstKeyHolders: true), full!.Fingerprint);
        Assert.Equal(ShippedProtection.Fingerprint(tables, MinimumCount, againstKeyHolders: false), again!.Fingerprint);
        await using var promises = postGis.DataSource.CreateCommand(
            $"select count(distinct promise) from disclosure_masks where school_year = '{Year}'");
        Assert.Equal(2L, await promises.ExecuteScalarAsync(Ct));
    }
}
