using System.Net;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Disclosure;
using Verzuim.Hotspot.Tests.Infrastructure;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Tests.Access;

/// <summary>
/// An institution key is shown its institution's columns of the flows and its campuses exact. Its holder combines them
/// with the public tables, so the public view must hold against that holder too: a service issues such keys only when
/// it protects against them (<c>Disclosure:ProtectAgainstInstitutionKeys</c>); by default it refuses them.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed class InstitutionKeyTests(PostGisFixture postGis, InstitutionKeysApiFactory api) : IClassFixture<InstitutionKeysApiFactory>, IAsyncLifetime
{
    private const string Year = "2046-2047";
    private const int MinimumCount = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        await PublishedIntruderTests.ImportManySmallCellsAsync(postGis, Year, new DisclosureOptions { ProtectAgainstInstitutionKeys = true }, Ct);

    public async ValueTask DisposeAsync() => await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);

    [Fact]
    public async Task By_Default_No_Institution_Key_Is_Issued()
    {
        // Arrange: a service of the default setting, which protects against the public and every RMC key holder only.
        await using var defaults = new ApiFactory(postGis);
        using var admin = AdminClient(defaults);

        // Act
        using var response = await admin.PostAsJsonAsync("/admin/keys", new { role = "institution:25LX", label = "institution" }, Ct);

        // Assert
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("ProtectAgainstInstitutionKeys", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_Service_Without_The_Setting_Refuses_An_Institution_Key_Issued_By_One_With_It()
    {
        // Arrange: issued by this service; a service of the default setting shares the database (or the setting was turned off).
        using var keyed = await KeyHolderAudit.ClientAsync(api, "institution:25LX", Ct);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/me", Ct)).StatusCode);
        await using var defaults = new ApiFactory(postGis);
        using var client = defaults.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHasher.Header, keyed.DefaultRequestHeaders.GetValues(ApiKeyHasher.Header).Single());

        // Act
        using var response = await client.GetAsync($"/flows?schoolYear={Year}", Ct);

        // Assert: not served its exact columns, nor anything else.
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("ProtectAgainstInstitutionKeys", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task No_Institution_Key_Holder_Pins_A_Small_Count_Of_Another_In_A_Set_Full_Of_Them()
    {
        // Arrange: a key for every institution of the set.
        var tables = await LinkedTablesBuilder.LoadAsync(postGis.DataSource, PostGisFixture.Year, Year, Ct);
        var roles = RoleKnowledge.Views(tables, regions: false, institutions: true);
        Assert.Equal(4, roles.Count);

        // Act and assert: each institution's own columns are shown exact, small ones included, and nobody else's small count is pinned.
        var ownSmall = await KeyHolderAudit.AssertEveryHolderAsync(api, tables, Year, MinimumCount,
            roles, k => k.Table is T.CampusFlows or T.InstitutionFlows, Ct);

        Assert.True(ownSmall > 20, $"only {ownSmall} small counts of their own shown to the keys: not the set meant");
    }

    [Fact]
    public async Task The_Public_View_Holds_And_Every_Rmc_Key_Holder_Too()
    {
        // The institution keys' views come on top of the regions': every RMC holder's audit still passes.
        var tables = await LinkedTablesBuilder.LoadAsync(postGis.DataSource, PostGisFixture.Year, Year, Ct);
        using var anonymous = api.CreateClient();
        var published = (await PublishedOutputs.FetchAsync(anonymous, Year, Ct)).MaskOver(tables, MinimumCount);

        Assert.True(IntruderAudit.Run(published).Passed);
        foreach (var (view, known) in RoleKnowledge.Views(tables, regions: true, institutions: false))
        {
            var audit = IntruderAudit.Run(RoleKnowledge.AsSeenBy(published, known));
            Assert.True(audit.Passed, $"{view}: {string.Join("; ", audit.Findings.Take(5))}");
        }
    }

    private static HttpClient AdminClient(ApiFactory factory)
    {
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add(ApiKeyHasher.Header, ApiFactory.AdminApiKey);
        return admin;
    }
}
