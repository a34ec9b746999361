namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// Writes a SYNTHETIC national dataset of mbo students and absence reports in the import format
/// (<see cref="Header"/>): one row per school year × campus × PC4 of residence × age band with students &gt; 0.
/// Rows are ordered by school year (parameter order), PC4, brinvest, then age band (under18 before 18plus).
/// The output depends only on the inputs and the parameters: the same seed gives the same bytes.
/// </summary>
/// <remarks>
/// Per school year: the year's student total is spread over the PC4 multinomially in proportion to the population
/// aged 15-25 (stream <c>"students|{year}"</c>). Per PC4 (stream <c>"pc4|{year}|{pc4}"</c>): under18 ~ Binomial(n,
/// under18Share); the students of each age band go multinomially to the candidate campuses of the gravity model; each
/// resulting row gets a negative binomial number of absence reports (see <see cref="SyntheticAbsenceParameters"/>).
/// </remarks>
internal static class SyntheticCountsGenerator
{
    public const string Header = "school_year,brin,vestiging,postcode,age_band,students,absence_reports";
    public const string AgeBandUnder18 = "under18";
    public const string AgeBand18Plus = "18plus";

    private const int BufferSize = 1 << 16;
    private const int MaxRowLength = 128;

    /// <summary>Reads the two input CSVs (see <see cref="SyntheticInputs.Load"/>) and writes the dataset to <paramref name="output"/>.</summary>
    public static Task<SyntheticSummary> GenerateAsync(
        string pc4LookupCsv, string campusesCsv, SyntheticParameters parameters, TextWriter output, CancellationToken ct) =>
        GenerateAsync(SyntheticInputs.Load(pc4LookupCsv, campusesCsv), parameters, output, ct);

    /// <summary>Writes the dataset for already loaded inputs (header line first, '\n' line ends). Does not close the writer.</summary>
    public static async Task<SyntheticSummary> GenerateAsync(
        SyntheticInputs inputs, SyntheticParameters parameters, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(output);
        parameters.Validate();

        var model = SyntheticModel.Build(inputs, parameters);
        var areas = inputs.Pc4Areas;
        var campuses = inputs.Campuses;
        var population = areas.Select(a => a.Population).ToArray();
        var pc4Students = new long[areas.Count];
        var scratch = new double[Math.Max(areas.Count, campuses.Count)];
        var under18 = new long[campuses.Count];
        var plus18 = new long[campuses.Count];
        var absence = parameters.Absence;

        var buffer = new char[BufferSize];
        var used = 0;
        Header.CopyTo(buffer);
        used += Header.Length;
        buffer[used++] = '\n';

        var years = new List<SyntheticYearSummary>();
        long totalRows = 0;
        foreach (var year in parameters.Years)
        {
            long rows = 0, students = 0, studentsUnder18 = 0, reports = 0;
            if (areas.Count > 0)
            {
                Xoshiro256StarStar.ForStream(parameters.Seed, "students|" + year.SchoolYear)
                    .NextMultinomial(year.Students, population, pc4Students, scratch);
            }
            for (var i = 0; i < areas.Count; i++)
            {
                var n = pc4Students[i];
                if (n == 0)
                {
                    continue;
                }
                ct.ThrowIfCancellationRequested();
                var area = areas[i];
                var rng = Xoshiro256StarStar.ForStream(parameters.Seed, "pc4|" + year.SchoolYear + "|" + area.Code);
                var nUnder18 = rng.NextBinomial(n, parameters.Under18Share);
                var candidates = model.Candidates[i];
                var weights = model.Weights[i];
                rng.NextMultinomial(nUnder18, weights, under18, scratch);
                rng.NextMultinomial(n - nUnder18, weights, plus18, scratch);
                students += n;
                studentsUnder18 += nUnder18;

                var areaFactor = year.RateMultiplier * model.RegionFactor[i] * model.AreaHotspotFactor[i];
                for (var k = 0; k < candidates.Length; k++)
                {
                    if (under18[k] == 0 && plus18[k] == 0)
                    {
                        continue;
                    }
                    var j = candidates[k];
                    var campus = campuses[j];
                    var factor = areaFactor * model.InstitutionFactor[j]
                        * (model.InstitutionHotspotsByCampus[j]?.GetValueOrDefault(area.RmcCode, 1.0) ?? 1.0);
                    for (var band = 0; band < 2; band++)
                    {
                        var count = band == 0 ? under18[k] : plus18[k];
                        if (count == 0)
                        {
                            continue;
                        }
                        var baseRate = band == 0 ? absence.BaseRateUnder18 : absence.BaseRate18Plus;
                        var reported = rng.NextNegativeBinomial(count * baseRate * factor, absence.DispersionPerStudent * count);
                        reports += reported;
                        rows++;
                        if (used > BufferSize - MaxRowLength)
                        {
                            await output.WriteAsync(buffer.AsMemory(0, used), ct);
                            used = 0;
                        }
                        used += FormatRow(buffer.AsSpan(used), year.SchoolYear, campus, area.Code,
                            band == 0 ? AgeBandUnder18 : AgeBand18Plus, count, reported);
                    }
                }
            }
            years.Add(new SyntheticYearSummary(year.SchoolYear, rows, students, studentsUnder18, students - studentsUnder18, reports));
            totalRows += rows;
        }
        await output.WriteAsync(buffer.AsMemory(0, used), ct);
        await output.FlushAsync(ct);

        return new SyntheticSummary(
            parameters.DatasetLabel,
            parameters.Seed,
            totalRows,
            years,
            areas.Count,
            inputs.Pc4WithMunicipalityPoint,
            inputs.Pc4SkippedWithoutPoint,
            campuses.Count,
            areas.Count == 0 ? 0 : model.Candidates.Average(c => c.Length),
            model.Coverage(parameters),
            [.. campuses.Select((c, j) => new SyntheticFactor(c.Brin, model.InstitutionFactor[j])).DistinctBy(f => f.Code)],
            [.. areas.Select((a, i) => new SyntheticFactor(a.RmcCode, model.RegionFactor[i])).DistinctBy(f => f.Code).OrderBy(f => f.Code, StringComparer.Ordinal)]);
    }

    private static int FormatRow(Span<char> row, string schoolYear, SyntheticCampus campus, string pc4, string ageBand, long students, long reports)
    {
        var pos = 0;
        Append(row, ref pos, schoolYear);
        Append(row, ref pos, campus.Brin);
        Append(row, ref pos, campus.Vestiging);
        Append(row, ref pos, pc4);
        Append(row, ref pos, ageBand);
        students.TryFormat(row[pos..], out var written, default, CultureInfo.InvariantCulture);
        pos += written;
        row[pos++] = ',';
        reports.TryFormat(row[pos..], out written, default, CultureInfo.InvariantCulture);
        pos += written;
        row[pos++] = '\n';
        return pos;
    }

    private static void Append(Span<char> row, ref int pos, string field)
    {
        field.CopyTo(row[pos..]);
        pos += field.Length;
        row[pos++] = ',';
    }
}
