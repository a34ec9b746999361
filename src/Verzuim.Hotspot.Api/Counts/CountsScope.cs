using System.Diagnostics.CodeAnalysis;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>
/// What a request for counts resolved to: the classification year of the geography, the age band, the school year with
/// its dataset, and the provenance every answer carries. Built only by <see cref="ResolveAsync"/>, the one place where
/// schoolYear, ageBand and year are checked, so every endpoint answers a bad value with the same problem.
/// </summary>
internal sealed record CountsScope(int ClassificationYear, AgeBandFilter Band, SchoolYearDataset Dataset, CountsProvenance Provenance)
{
    public string SchoolYear => Dataset.SchoolYear;

    public long DataVersion => Provenance.DataVersion;

    /// <summary>Checks the shared parameters without asking the database: the first wrong one, or null when all are well formed.</summary>
    public static ProblemHttpResult? Check(CountsQuery query, AgeBandFilter defaultBand, out string? schoolYear, out AgeBandFilter band, out int? year,
        string schoolYearName = "schoolYear")
    {
        (schoolYear, band, year) = (string.IsNullOrWhiteSpace(query.SchoolYear) ? null : query.SchoolYear.Trim(), defaultBand, null);
        if (schoolYear is not null && !SchoolYears.IsValid(schoolYear))
        {
            return Invalid(schoolYearName, $"A school year is {SchoolYears.Rule}.");
        }
        if (!AgeBands.TryParseFilter(query.AgeBand, defaultBand, out band))
        {
            return Invalid("ageBand", "An age band is all, under18 or 18plus.");
        }
        return ClassificationYears.TryParse(query.Year, out year) ? null : Invalid("year", ClassificationYears.YearRule);
    }

    /// <summary>Resolves the shared parameters; <paramref name="defaultBand"/> is the endpoint's own default age band.</summary>
    /// <param name="countsOptional">True for layers, which still serve their geometry when no counts were ever imported.</param>
    /// <param name="schoolYearName">The name the school year has in this request, for the problem that names it.</param>
    public static async Task<CountsResolution> ResolveAsync(CountsQuery query, AgeBandFilter defaultBand, HotspotDbContext db,
        DisclosurePolicy policy, IOptions<GeographyOptions> geography, CancellationToken ct, bool countsOptional = false,
        string schoolYearName = "schoolYear")
    {
        if (Check(query, defaultBand, out var requestedSchoolYear, out var band, out var requestedYear, schoolYearName) is { } invalid)
        {
            return CountsResolution.Fail(invalid);
        }
        var year = requestedYear ?? geography.Value.ClassificationYear;
        if (!await db.IsClassificationYearLoadedAsync(year, ct))
        {
            return CountsResolution.Fail(ClassificationYears.NotLoaded(year));
        }

        var datasets = db.SchoolYearDatasets.AsNoTracking();
        var dataset = requestedSchoolYear is null
            ? await datasets.OrderByDescending(d => d.SchoolYear).FirstOrDefaultAsync(ct)
            : await datasets.SingleOrDefaultAsync(d => d.SchoolYear == requestedSchoolYear, ct);
        if (dataset is null)
        {
            return requestedSchoolYear is null && countsOptional
                ? new CountsResolution(null, null, year, band)
                : CountsResolution.Fail(ProblemDetailsExtensions.NotFound(requestedSchoolYear is null
                    ? "No counts have been imported yet."
                    : $"No counts for school year {requestedSchoolYear}."));
        }
        var version = await db.DataState.AsNoTracking().Select(s => s.Version).SingleOrDefaultAsync(ct);
        var provenance = new CountsProvenance(dataset.SchoolYear, band.Name(), dataset.Dataset, dataset.Synthetic, version, policy.Rule,
            dataset.Synthetic ? CountsProvenance.SyntheticNotice : null, policy.View);
        return new CountsResolution(new CountsScope(year, band, dataset, provenance), null, year, band);
    }

    /// <summary>A 400 problem with the field named in errors, as <see cref="ProblemDetailsExtensions.InvalidParameter"/> writes it.</summary>
    internal static ProblemHttpResult Invalid(string parameter, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = $"Invalid parameter '{parameter}'.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        });
}

/// <summary>The outcome of <see cref="CountsScope.ResolveAsync"/>: a scope, or the problem to answer with.</summary>
internal sealed record CountsResolution(CountsScope? Scope, ProblemHttpResult? Problem, int ClassificationYear, AgeBandFilter Band)
{
    [MemberNotNullWhen(true, nameof(Scope))]
    public bool Succeeded => Scope is not null;

    public static CountsResolution Fail(ProblemHttpResult problem) => new(null, problem, 0, AgeBandFilter.All);
}
