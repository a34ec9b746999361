using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Disclosure;

namespace Verzuim.Hotspot.Tests.Disclosure;

/// <summary>
/// The holder of an RMC key is shown that region's cells exact. The public mask must hold against that intruder too:
/// a perturbation that protects another region's small count by moving a cell of the key's own row is no longer open
/// to someone who knows that row.
/// </summary>
public sealed class RoleProtectionTests
{
    private static readonly int MinimumCount = new DisclosurePolicy(Options.Create(new DisclosureOptions())).MinimumCount;

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    [InlineData(41)]
    public void The_Public_Mask_Holds_Against_Every_Region_Key_Holder_Only_When_Protected_Against_Them(int seed)
    {
        // Arrange
        var tables = LinkedTablesBuilder.Build(RandomSmallCountsTests.Rows(seed));
        var roles = RoleKnowledge.OfRegions(tables);

        // Act
        var publicOnly = SecondarySuppression.Protect(tables, MinimumCount, TimeSpan.FromSeconds(60), againstRoles: false).Mask;
        var againstRoles = SecondarySuppression.Protect(tables, MinimumCount, TimeSpan.FromSeconds(60)).Mask;

        // Assert: every role's audit passes on the role-aware mask; on the public-only one some key holder pins a count.
        Assert.Equal(4, roles.Count);
        foreach (var (region, known) in roles)
        {
            var audit = IntruderAudit.Run(RoleKnowledge.AsSeenBy(againstRoles, known));
            Assert.True(audit.Passed, $"rmc:{region}: {string.Join("; ", audit.Findings.Take(5))}");
        }
        var broken = roles.Where(role => !IntruderAudit.Run(RoleKnowledge.AsSeenBy(publicOnly, role.Value)).Passed).Select(role => role.Key).ToList();
        Assert.NotEmpty(broken);
        Assert.True(IntruderAudit.Run(againstRoles).Passed);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(2026)]
    [InlineData(41)]
    public void Protected_Against_Institution_Keys_Too_The_Public_Mask_Holds_Against_Every_Key_Holder(int seed)
    {
        // Arrange
        var tables = LinkedTablesBuilder.Build(RandomSmallCountsTests.Rows(seed));

        // Act
        var mask = SecondarySuppression.Protect(tables, MinimumCount, TimeSpan.FromSeconds(60), againstInstitutions: true).Mask;

        // Assert
        var holders = RoleKnowledge.Views(tables, regions: true, institutions: true);
        Assert.Equal(3 + 4, holders.Count);
        foreach (var (view, known) in holders)
        {
            var audit = IntruderAudit.Run(RoleKnowledge.AsSeenBy(mask, known));
            Assert.True(audit.Passed, $"{view}: {string.Join("; ", audit.Findings.Take(5))}");
        }
        Assert.True(IntruderAudit.Run(mask).Passed);
    }

    [Fact]
    public void Protected_Against_Regions_Alone_The_Public_Mask_Can_Fall_To_An_Institution_Key_Holder()
    {
        // Arrange: a set on which it does (seeds 7 and 2026 happen to hide enough for the institutions too).
        var tables = LinkedTablesBuilder.Build(RandomSmallCountsTests.Rows(41));

        // Act: the default protection, against the public and every RMC key holder.
        var mask = SecondarySuppression.Protect(tables, MinimumCount, TimeSpan.FromSeconds(60)).Mask;

        // Assert: some institution holder pins a count; this is why no institution key is issued under the default setting.
        var broken = RoleKnowledge.OfInstitutions(tables)
            .Select(role => (role.Key, Audit: IntruderAudit.Run(RoleKnowledge.AsSeenBy(mask, role.Value))))
            .Where(r => !r.Audit.Passed).ToList();
        Assert.NotEmpty(broken);
    }

    [Fact]
    public void An_Institution_Key_Knows_Its_Columns_Its_Total_And_Its_Campuses_And_Nothing_Of_Another_Institution()
    {
        // Arrange
        var tables = LinkedTablesBuilder.Build(RandomSmallCountsTests.Rows(7));

        // Act
        var roles = RoleKnowledge.OfInstitutions(tables);
        var known = roles["I1"];

        // Assert: its columns of both flow tables (every row), its total and its campuses' totals, in every band.
        var keys = known.Select(c => tables.Keys[c]).ToList();
        Assert.Equal(roles.Count, RandomSmallCountsTests.Rows(7).Select(r => r.Institution).Distinct().Count());
        Assert.All(keys.Where(k => k.Table is DisclosureTables.InstitutionFlows or DisclosureTables.Institution), k => Assert.Equal("I1", k.Column));
        Assert.All(keys.Where(k => k.Table is DisclosureTables.CampusFlows or DisclosureTables.Campus), k => Assert.StartsWith("I1C", k.Column));
        Assert.Equal(3, keys.Count(k => k.Table == DisclosureTables.Institution));
        Assert.Contains(keys, k => k.Table == DisclosureTables.InstitutionFlows && k.Row == "R1");
        Assert.Contains(keys, k => k.Table == DisclosureTables.InstitutionFlows && k.Row == "R4");
    }

    [Fact]
    public void A_Region_Key_Knows_Its_Rows_Its_Total_And_Its_Residence_Areas_And_Nothing_Of_Another_Region()
    {
        // Arrange
        var tables = LinkedTablesBuilder.Build(RandomSmallCountsTests.Rows(7));

        // Act
        var known = RoleKnowledge.OfRegions(tables)["R2"];

        // Assert: rows of both flows tables, the region total, 2 municipalities and 4 PC4s, in every band.
        var keys = known.Select(c => tables.Keys[c]).ToList();
        Assert.All(keys.Where(k => k.Table is DisclosureTables.CampusFlows or DisclosureTables.InstitutionFlows or DisclosureTables.Region),
            k => Assert.Equal("R2", k.Row));
        Assert.Equal(3 * 2, keys.Count(k => k.Table == DisclosureTables.Municipality));
        Assert.Equal(3 * 4, keys.Count(k => k.Table == DisclosureTables.Pc4));
        Assert.All(keys.Where(k => k.Table is DisclosureTables.Municipality or DisclosureTables.Pc4), k => Assert.StartsWith(k.Table == DisclosureTables.Pc4 ? "2" : "GM2", k.Row));
        Assert.Equal(3, keys.Count(k => k.Table == DisclosureTables.Region));
        Assert.DoesNotContain(keys, k => k.Table is DisclosureTables.Campus or DisclosureTables.Institution or DisclosureTables.National);
    }
}
