using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Disclosure;
using T = Verzuim.Hotspot.Api.Disclosure.DisclosureTables;

namespace Verzuim.Hotspot.Tests.Disclosure;

public sealed class BandLowerBoundTests
{
    private static ResidenceCount Count(string region, string campus, string band, long students) =>
        new($"{region[1..]}001", $"GM000{region[1..]}", region, campus, campus[..1] + "INS", band, students, 0);

    /// <summary>
    /// R1/A01: 3 + 10 = 13 (one band small: hide the 10 or the 13); R2/A01: 2 + 3 = 5 (both small, the 5 shown would
    /// leave the 2 in [1, 4]: the 5 is hidden); R1/B01: 50 + 60 = 110 (nothing small).
    /// </summary>
    private static LinkedTables Tables() => LinkedTablesBuilder.Build(
    [
        Count("R1", "A01", AgeBands.Under18, 3), Count("R1", "A01", AgeBands.EighteenPlus, 10),
        Count("R2", "A01", AgeBands.Under18, 2), Count("R2", "A01", AgeBands.EighteenPlus, 3),
        Count("R1", "B01", AgeBands.Under18, 50), Count("R1", "B01", AgeBands.EighteenPlus, 60),
    ]);

    [Fact]
    public void A_Cell_Whose_Two_Small_Bands_Add_Up_To_Fewer_Than_Minimum_Plus_Two_Forces_Its_All_Cell_Hidden()
    {
        var bound = BandLowerBound.Of(Tables(), T.CampusFlows, 5);

        Assert.Equal(5, bound.ForcedAll);
        Assert.Equal(128, bound.Students);
    }

    [Fact]
    public void The_Bound_Splits_A_One_Small_Band_Cell_Between_Its_Two_Tables_At_The_Least_Largest_Share()
    {
        // The 10 in 18plus (73 students) or the 13 in all (128, of which 5 are forced): with a fraction x in 18plus,
        // 10x / 73 = (5 + 13(1 - x)) / 128 gives x = 1314 / 2229 and a share of 8.08% in both.
        var bound = BandLowerBound.Of(Tables(), T.CampusFlows, 5);

        Assert.Equal(10.0 * 1314 / 2229 / 73, bound.MaxShare, 1e-6);
        // Without the forced 5: 10x / 73 = 13(1 - x) / 128 gives x = 949 / 2229.
        Assert.Equal(10.0 * 949 / 2229 / 73, bound.MaxShareByDifferencing, 1e-6);
    }

    [Fact]
    public void Under_A_Minimum_Of_11_The_Band_Equation_Alone_Pins_Nothing_Here()
    {
        var bound = BandLowerBound.Of(Tables(), T.CampusFlows, 11);

        // 3 + 10 = 13: both bands small, and the 3 lies in [1, 12], 11 values wide; 2 + 3 = 5 is small itself (primary).
        Assert.Equal(0, bound.ForcedAll);
        Assert.Equal(0, bound.MaxShare, 1e-9);
        Assert.Equal(0, bound.MaxShareByDifferencing, 1e-9);
    }
}
