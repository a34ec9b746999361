namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The tables the API publishes from counts for one school year, each per age band (under18, 18plus and all).
/// Flows are region x campus and region x institution; the margins of the flows are the region, campus, institution
/// and national totals, which the layers, hotspots and tiles publish too; the residence tables are the totals per
/// municipality and per PC4 (all campuses together). <see cref="Unplaced"/> is the row of students whose postcode has
/// no region.
/// </summary>
internal static class DisclosureTables
{
    public const string CampusFlows = "campus-flows";
    public const string InstitutionFlows = "institution-flows";
    public const string Region = "region";
    public const string Campus = "campus";
    public const string Institution = "institution";
    public const string National = "national";
    public const string Municipality = "municipality";
    public const string Pc4 = "pc4";

    public const string Unplaced = "unplaced";

    public static IReadOnlyList<string> All { get; } = [CampusFlows, InstitutionFlows, Region, Campus, Institution, National, Municipality, Pc4];

    /// <summary>The bands every table is published in; "all" is the sum of the other two.</summary>
    public static IReadOnlyList<string> Bands { get; } = [AgeBands.Under18, AgeBands.EighteenPlus, AgeBands.All];
}
