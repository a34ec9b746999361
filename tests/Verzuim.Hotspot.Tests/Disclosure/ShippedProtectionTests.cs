using Verzuim.Hotspot.Api.Disclosure;

namespace Verzuim.Hotspot.Tests.Disclosure;

/// <summary>
/// A shipped protection file (geodata/synthetic/protection) stands in for minutes of LPs, so it must be used for
/// exactly the tables it was computed for and for nothing else.
/// </summary>
public sealed class ShippedProtectionTests
{
    private static readonly MaskKey Key = new("2030-2031", 2025, 1, DateTime.UnixEpoch, 5);

    private static List<ResidenceCount> Rows(long firstStudents) =>
    [
        new("1011", "GM0001", "MC01", "00AA00", "00AA", "18plus", firstStudents, 1),
        new("1012", "GM0001", "MC01", "00AA01", "00AA", "18plus", 20, 4),
        new("2011", "GM0002", "MC02", "00AA00", "00AA", "under18", 7, 2),
        new("2011", "GM0002", "MC02", "00BB00", "00BB", "18plus", 30, 9),
    ];

    [Fact]
    public void A_Written_Protection_Loads_Back_For_The_Same_Tables()
    {
        var tables = LinkedTablesBuilder.Build(Rows(3));
        var fingerprint = ShippedProtection.Fingerprint(tables, 5);
        var computed = PublishedMask.From(Key, SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30)).Mask, fingerprint);
        var folder = Directory.CreateTempSubdirectory("shipped-").FullName;

        ShippedProtection.Write(folder, computed);
        var loaded = ShippedProtection.TryLoad(folder, Key, fingerprint);

        Assert.NotNull(loaded);
        Assert.Equal(computed.Hidden.OrderBy(h => h.Key.ToString()), loaded.Hidden.OrderBy(h => h.Key.ToString()));
        Assert.True(loaded.StudentsHidden(new CellKey(DisclosureTables.Pc4, "18plus", "1011", "")));
    }

    [Fact]
    public void Other_Counts_Or_Another_Minimum_Count_Do_Not_Use_It()
    {
        var tables = LinkedTablesBuilder.Build(Rows(3));
        var fingerprint = ShippedProtection.Fingerprint(tables, 5);
        var folder = Directory.CreateTempSubdirectory("shipped-").FullName;
        ShippedProtection.Write(folder, PublishedMask.From(Key, SecondarySuppression.Protect(tables, 5, TimeSpan.FromSeconds(30)).Mask, fingerprint));

        var otherCounts = ShippedProtection.Fingerprint(LinkedTablesBuilder.Build(Rows(4)), 5);
        var otherMinimum = ShippedProtection.Fingerprint(tables, 10);

        Assert.NotEqual(fingerprint, otherCounts);
        Assert.NotEqual(fingerprint, otherMinimum);
        Assert.Null(ShippedProtection.TryLoad(folder, Key, otherCounts));
        Assert.Null(ShippedProtection.TryLoad(folder, Key, otherMinimum));
        Assert.Equal(fingerprint, ShippedProtection.Fingerprint(LinkedTablesBuilder.Build(Enumerable.Reverse(Rows(3))), 5));
    }
}
