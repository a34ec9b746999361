namespace Verzuim.Hotspot.Api.Flows;

/// <summary>
/// Suppresses the institution and campus matrices together. They are linked tables: an institution's cell is the sum of
/// its campuses' cells in the same row, its column total the sum of their column totals, and both share the row and
/// grand totals. Each table alone passes the line condition of <see cref="TableSuppression"/>; across the two, a value
/// hidden in one must not be the shown sum (or shown sum minus shown parts) of the other. Repeated until stable:
/// a shown total with exactly one hidden part hides the smallest other part (or, with none, the total); a hidden total
/// whose parts are all shown hides its smallest part; a shared total hidden in one table is hidden in both.
/// </summary>
internal static class LinkedSuppression
{
    public static (SuppressionMask Institutions, SuppressionMask Campuses) Suppress(
        long[,] institutionStudents, long[,] institutionReports, long[,] campusStudents, long[,] campusReports,
        int[] institutionOfCampus, DisclosurePolicy policy, SuppressionMask? knownInstitutions = null, SuppressionMask? knownCampuses = null)
    {
        int rows = institutionStudents.GetLength(0), institutions = institutionStudents.GetLength(1), campuses = campusStudents.GetLength(1);
        if (policy.Mode == DisclosureMode.Unrestricted)
        {
            return (TableSuppression.Suppress(institutionStudents, institutionReports, policy),
                TableSuppression.Suppress(campusStudents, campusReports, policy));
        }
        var campusTotals = TableSuppression.WithMargins(campusStudents);
        var groups = Enumerable.Range(0, institutions)
            .Select(b => Enumerable.Range(0, campuses).Where(c => institutionOfCampus[c] == b).ToArray())
            .ToArray();
        var forcedInstitutions = new SuppressionMask(rows, institutions);
        var forcedCampuses = new SuppressionMask(rows, campuses);
        while (true)
        {
            var institutionMask = TableSuppression.Suppress(institutionStudents, institutionReports, policy, forcedInstitutions, knownInstitutions);
            var campusMask = TableSuppression.Suppress(campusStudents, campusReports, policy, forcedCampuses, knownCampuses);
            var changed = false;

            // Row totals (index `institutions` / `campuses`) and the grand total are the same numbers in both tables.
            for (var i = 0; i <= rows; i++)
            {
                if (institutionMask[i, institutions] != campusMask[i, campuses])
                {
                    forcedInstitutions[i, institutions] = forcedCampuses[i, campuses] = true;
                    changed = true;
                }
            }

            // Each institution cell (and, in row `rows`, column total) against its campuses' cells.
            for (var i = 0; i <= rows; i++)
            {
                for (var b = 0; b < institutions; b++)
                {
                    var group = groups[b];
                    var hidden = group.Count(c => campusMask[i, c]);
                    var shown = group.Where(c => !campusMask[i, c]).OrderBy(c => campusTotals[i, c] > 0 ? 0 : 1).ThenBy(c => campusTotals[i, c]).ToArray();
                    if (!institutionMask[i, b] && hidden == 1)
                    {
                        if (shown.Length > 0)
                        {
                            forcedCampuses[i, shown[0]] = true;
                        }
                        else
                        {
                            forcedInstitutions[i, b] = true;
                        }
                        changed = true;
                    }
                    else if (institutionMask[i, b] && hidden == 0 && shown.Length > 0)
                    {
                        forcedCampuses[i, shown[0]] = true;
                        changed = true;
                    }
                }
            }
            if (!changed)
            {
                return (institutionMask, campusMask);
            }
        }
    }
}
