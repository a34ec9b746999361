namespace Verzuim.Hotspot.Api.Flows;

/// <summary>One part of a matrix line (a column's regions or a row's institutions): exact counts and whether it is hidden.</summary>
internal sealed record FlowPart(int Index, string Id, long Students, long Reports, bool Hidden);

/// <summary>A part as a ranking publishes it: shown parts carry rank and cumulative share, hidden ones neither.</summary>
internal sealed record RankedPart(FlowPart Part, int? Rank, double? CumulativeShare, string? Reason);

/// <summary>
/// Rankings over one line of a published matrix. Ranks and coverage use exact counts (server-side only); what is published
/// never lets a hidden part be read back: hidden parts come after the shown ones (by code, without rank), and cumulative
/// shares run over shown parts only.
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
              "A partner whose cell is suppressed in the published matrix (e.g. to protect a small cell elsewhere) is listed after the shown " +
              "partners, without counts, share or rank; cumulative shares add up shown partners only. coverageReached is decided on exact counts."
            : "");

    public const string RankingRule =
        "Ranked by exact number of students, largest first (ties by code). Suppressed entries follow the shown ones, by code, " +
        "without counts, share or rank; cumulative shares add up shown entries only.";

    /// <summary>Agenda partners of a line whose whole is <paramref name="total"/> students; the bool says whether coverage was reached.</summary>
    public static (List<RankedPart> Partners, bool CoverageReached) Partners(IEnumerable<FlowPart> parts, long total, long? publishedTotal,
        double coverage, double minShare, DisclosurePolicy policy)
    {
        var eligible = Rank(parts.Where(p => p.Students > 0 && !policy.IsSmall(p.Students)));
        var target = (decimal)coverage * total;
        var selected = new List<(FlowPart Part, string? Reason)>();
        long sum = 0;
        foreach (var part in eligible)
        {
            if (sum < target)
            {
                selected.Add((part, ByCoverage));
                sum += part.Students;
            }
            else if (total > 0 && (decimal)part.Students / total >= (decimal)minShare)
            {
                selected.Add((part, ByMinShare));
            }
        }
        return (Publish(selected, publishedTotal), total > 0 && sum >= target);
    }

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
