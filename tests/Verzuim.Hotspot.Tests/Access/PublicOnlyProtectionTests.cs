using System.Net;
using Verzuim.Hotspot.Api.Access;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Access;

/// <summary>
/// A service whose public view is protected against the public alone issues no RMC key: its holder would combine
/// the region's exact row with the public tables.
/// </summary>
public sealed class PublicOnlyProtectionTests(PublicOnlyApiFactory api) : IClassFixture<PublicOnlyApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_Rmc_Key_Is_Issued_While_The_Public_View_Does_Not_Hold_Against_Its_Holder()
    {
        // Arrange
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Add(ApiKeyHasher.Header, ApiFactory.AdminApiKey);

        // Act
        using var rmc = await admin.PostAsJsonAsync("/admin/keys", new { role = "rmc:MC21", label = "coordinator" }, Ct);
        using var institution = await admin.PostAsJsonAsync("/admin/keys", new { role = "institution:25LX", label = "institution" }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, rmc.StatusCode);
        Assert.Equal("application/problem+json", rmc.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ProtectAgainstKeyHolders", await rmc.Content.ReadAsStringAsync(Ct));
        // Nor an institution key: this service does not protect against their holders either (InstitutionKeyTests).
        Assert.Equal(HttpStatusCode.BadRequest, institution.StatusCode);
        Assert.Contains("ProtectAgainstInstitutionKeys", await institution.Content.ReadAsStringAsync(Ct));
    }
}
