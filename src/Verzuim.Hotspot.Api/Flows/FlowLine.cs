namespace Verzuim.Hotspot.Api.Flows;

/// <summary>One part of a matrix line (a column's regions or a row's institutions): exact counts and whether it is hidden.</summary>
internal sealed record FlowPart(int Index, string Id, long Students, long Reports, bool Hidden)
{
    /// <summary>The reports are hidden (always when <see cref="Hidden"/>; also when only they are small or protect one).</summary>
    public bool ReportsHidden { get; init; } = Hidden;

    public PublishedCounts Published => PublishedCounts.Of(Students, Reports, Hidden, ReportsHidden);
}

/// <summary>A part as a ranking publishes it: shown parts carry rank and cumulative share, hidden ones neither.</summary>
internal sealed record RankedPart(FlowPart Part, int? Rank, double? CumulativeShare, string? Reason);

/// <summary>
/// Rankings over one line of a published matrix. What is published never lets a hidden part be read back: hidden parts
/// come after the shown ones (by code, without rank), cumulative shares run over shown parts only, and partner
/// selection uses published counts only.
/// </summary>
internal static class FlowLine
{
    public const string ByCoverage = "coverage";
    public const string ByMinShare = "minShare";

    public static string AgendaRule(double coverage, double minShare, DisclosurePolicy policy) =>
        $"Regions are ranked by their exact number of students here, largest first (ties by code). Partners are the shortest run from the top " +
        $"whose students together reach {coverage:0.###} of all students here (students from unplaced postcodes count in that whole but " +
        $"belong to no region), plus every other region with a share of at least {minShare:0.###}." +
        (policy.Mode == DisclosureMode.Public
            ? $" A region sending fewer than {policy.MinimumCount} students never counts towards coverage and is never a partner. " +
              "Only published counts decide: a region whose cell is suppressed is listed after the partners, by code, with reason " +
              "\"suppressed\" and without counts, share or rank (it may or may not be a partner); coverage and shares are of the published " +
              "total, or of the shown regions when the total is suppressed."
            : "");

    public const string RankingRule =
        "Ranked by exact number of students, largest first (ties by code). Suppressed entries follow the shown ones, by code, " +
        "without counts, share or rank; cumulative shares add up shown entries only.";

    /// <summary>
    /// Agenda partners of a line whose published whole is <paramref name="publishedTotal"/> students; the bool says whether
    /// coverage was reached. Only what the caller may see decides: a hidden part's exact count never decides whether it or any other
    /// part is listed, nor whether coverage is reached, and a hidden total is replaced by the sum of the shown parts.
    /// Otherwise an intruder could read a hidden count back by moving coverage or minShare in small steps. Hidden parts
    /// are listed after the partners, by code, as suppressed lines that may or may not be partners.
    /// </summary>
    public static (List<RankedPart> Partners, bool CoverageReached) Partners(IEnumerable<FlowPart> parts, long? publishedTotal,
        double coverage, double minShare, DisclosurePolicy policy)
    {
        var all = parts.ToList();
        var shown = all.Where(p => !p.Hidden).ToList();
        var whole = publishedTotal ?? shown.Sum(p => p.Students);
        var eligible = Rank(shown.Where(p => p.Students > 0 && !policy.IsSmall(p.Students)));
        var target = (decimal)coverage * whole;
        var selected = new List<(FlowPart Part, string? Reason)>();
        long sum = 0;
        foreach (var part in eligible)
        {
            if (sum < target)
            {
                selected.Add((part, ByCoverage));
                sum += part.Students;
            }
            else if (whole > 0 && (decimal)part.Students / whole >= (decimal)minShare)
            {
                selected.Add((part, ByMinShare));
            }
        }
        selected.AddRange(all.Where(p => p.Hidden).Select(p => (p, (string?)Suppressed)));
        return (Publish(selected, publishedTotal), whole > 0 && sum >= target);
    }

    /// <summary>The reason of a hidden line in a partner list: its count is not published, so neither is whether it qualifies.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>Every part with students (or hidden), ranked as published.</summary>
    public static List<RankedPart> Ranking(IEnumerable<FlowPart> parts, long? publishedTotal) =>
        Publish([.. Rank(parts).Select(p => (p, (string?)null))], publishedTotal);

    private static IEnumerable<FlowPart> Rank(IEnumerable<FlowPart> parts) =>
        parts.OrderByDescending(p => p.Students).ThenBy(p => p.Id, StringComparer.Ordinal);

    private static List<RankedPart> Publish(IEnumerable<(FlowPart Part, string? Reason)> selected, long? publishedTotal)
    {
        var result = new List<RankedPart>();
        var hidden = new List<RankedPart>();
        long cumulative = 0;
        foreach (var (part, reason) in selected)
        {
            if (part.Hidden)
            {
                hidden.Add(new RankedPart(part, null, null, reason));
                continue;
            }
            cumulative += part.Students;
            result.Add(new RankedPart(part, result.Count + 1, PublishedCounts.Share(cumulative, publishedTotal), reason));
        }
        result.AddRange(hidden.OrderBy(h => h.Part.Id, StringComparer.Ordinal));
        return result;
    }
}
