using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Tests.Synthetic;

public sealed partial class SyntheticCountsGeneratorTests(SyntheticDatasetFixture data) : IClassFixture<SyntheticDatasetFixture>
{
    [GeneratedRegex(@"^\d{4}-\d{4},[0-9A-Z]{4},\d{2},\d{4},(under18|18plus),[1-9]\d*,\d+$")]
    private static partial Regex RowPattern();

    [Fact]
    public async Task Same_seed_and_parameters_give_identical_bytes()
    {
        var parameters = SyntheticTestData.Parameters(0.05);
        var first = await SyntheticTestData.GenerateBytesAsync(parameters, TestContext.Current.CancellationToken);
        var second = await SyntheticTestData.GenerateBytesAsync(parameters, TestContext.Current.CancellationToken);

        Assert.True(first.Length > 100_000);
        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_dataset()
    {
        var parameters = SyntheticTestData.Parameters(0.05);
        var first = await SyntheticTestData.GenerateBytesAsync(parameters, TestContext.Current.CancellationToken);
        var other = await SyntheticTestData.GenerateBytesAsync(parameters with { Seed = parameters.Seed + 1 }, TestContext.Current.CancellationToken);

        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(other));
    }

    [Fact]
    public void Student_totals_per_year_are_within_one_percent_of_the_parameters()
    {
        foreach (var year in data.Parameters.Years)
        {
            var students = data.Rows.Where(r => r.SchoolYear == year.SchoolYear).Sum(r => (long)r.Students);
            Assert.InRange(students, year.Students * 0.99, year.Students * 1.01);
            Assert.Equal(students, data.Summary.Years.Single(y => y.SchoolYear == year.SchoolYear).Students);
        }
    }

    [Fact]
    public void The_under18_share_is_within_two_points_of_the_parameter()
    {
        foreach (var year in data.Parameters.Years)
        {
            var rows = data.Rows.Where(r => r.SchoolYear == year.SchoolYear).ToList();
            double under18 = rows.Where(r => r.AgeBand == SyntheticCountsGenerator.AgeBandUnder18).Sum(r => r.Students);
            var share = under18 / rows.Sum(r => r.Students);
            Assert.InRange(share, data.Parameters.Under18Share - 0.02, data.Parameters.Under18Share + 0.02);
        }
    }

    [Fact]
    public void Every_row_follows_the_import_format_and_each_key_occurs_once()
    {
        var lines = data.Csv.Split('\n');
        Assert.Equal(SyntheticCountsGenerator.Header, lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.DoesNotContain('\r', data.Csv);
        Assert.NotEqual('\uFEFF', data.Csv[0]);

        var years = data.Parameters.Years.Select(y => y.SchoolYear).ToHashSet(StringComparer.Ordinal);
        var pc4 = SyntheticTestData.Inputs.Pc4Areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var campuses = SyntheticTestData.Inputs.Campuses.Select(c => c.BrinVest).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            Assert.Matches(RowPattern(), line);
            var row = SyntheticRow.Parse(line);
            Assert.Contains(row.SchoolYear, years);
            Assert.Contains(row.Postcode, pc4);
            Assert.Contains(row.BrinVest, campuses);
            Assert.True(keys.Add($"{row.SchoolYear},{row.BrinVest},{row.Postcode},{row.AgeBand}"), $"Duplicate key in '{line}'.");
        }
        Assert.Equal(data.Summary.Rows, keys.Count);
    }

    [Fact]
    public void Rows_are_sorted_by_year_postcode_campus_and_age_band()
    {
        var yearOrder = data.Parameters.Years.Select((y, i) => (y.SchoolYear, i)).ToDictionary(t => t.SchoolYear, t => t.i, StringComparer.Ordinal);
        var keys = data.Rows.Select(r => (yearOrder[r.SchoolYear], r.Postcode, r.BrinVest, r.AgeBand == SyntheticCountsGenerator.AgeBandUnder18 ? 0 : 1)).ToList();
        var sorted = keys.OrderBy(k => k.Item1).ThenBy(k => k.Postcode, StringComparer.Ordinal)
            .ThenBy(k => k.BrinVest, StringComparer.Ordinal).ThenBy(k => k.Item4).ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public void Campuses_near_a_postcode_get_more_of_its_students_than_far_ones()
    {
        var inputs = SyntheticTestData.Inputs;
        var campusIndex = inputs.Campuses.Select((c, i) => (c.BrinVest, i)).ToDictionary(t => t.BrinVest, t => t.i, StringComparer.Ordinal);
        var areaIndex = inputs.Pc4Areas.Select((a, i) => (a.Code, i)).ToDictionary(t => t.Code, t => t.i, StringComparer.Ordinal);
        double[] bandLimits = [10_000, 20_000, 40_000, 75_000];
        var students = new double[bandLimits.Length];
        var pairs = new double[bandLimits.Length];

        var year = data.Parameters.Years[0].SchoolYear;
        var perArea = data.Rows.Where(r => r.SchoolYear == year).GroupBy(r => r.Postcode, StringComparer.Ordinal);
        foreach (var group in perArea)
        {
            var area = inputs.Pc4Areas[areaIndex[group.Key]];
            var byCampus = group.GroupBy(r => campusIndex[r.BrinVest]).ToDictionary(g => g.Key, g => g.Sum(r => r.Students));
            for (var j = 0; j < inputs.Campuses.Count; j++)
            {
                var band = Array.FindIndex(bandLimits, limit => Distance(area, inputs.Campuses[j]) <= limit);
                if (band >= 0)
                {
                    pairs[band]++;
                    students[band] += byCampus.GetValueOrDefault(j);
                }
            }
        }
        var perPair = students.Zip(pairs, (s, n) => s / n).ToArray();

        // Students per (PC4, campus) pair fall with every distance band, and a near campus gets far more than a far one.
        for (var b = 1; b < perPair.Length; b++)
        {
            Assert.True(perPair[b] < perPair[b - 1], $"Band {b}: {perPair[b]:F3} students per pair, not fewer than {perPair[b - 1]:F3}.");
        }
        Assert.True(perPair[0] > 10 * perPair[2], $"Within 10 km {perPair[0]:F3}, 20-40 km {perPair[2]:F3} students per pair.");
    }

    [Fact]
    public void Planted_hotspot_postcodes_have_a_clearly_higher_absence_rate_than_the_rest()
    {
        var inside = HotspotMembership(data.Parameters.Hotspots);
        var rest = Rate(data.Rows.Where(r => !inside.ContainsKey(r.Postcode)));
        Assert.InRange(rest, 0.08, 0.20);
        foreach (var hotspot in data.Parameters.Hotspots)
        {
            var rows = data.Rows.Where(r => inside.TryGetValue(r.Postcode, out var name) && name == hotspot.Name).ToList();
            Assert.True(rows.Sum(r => r.Students) > 1000, $"{hotspot.Name}: only {rows.Sum(r => r.Students)} students.");
            var ratio = Rate(rows) / rest;
            Assert.True(ratio > 1.8, $"{hotspot.Name}: rate ratio {ratio:F2} for multiplier {hotspot.Multiplier}.");
        }
    }

    [Fact]
    public void The_planted_institution_region_cell_has_a_clearly_higher_rate_than_the_rest_of_its_institution()
    {
        var regionOf = SyntheticTestData.Inputs.Pc4Areas.ToDictionary(a => a.Code, a => a.RmcCode, StringComparer.Ordinal);
        foreach (var planted in data.Parameters.InstitutionHotspots)
        {
            var ofInstitution = data.Rows.Where(r => r.Brin == planted.Brin).ToList();
            var cell = ofInstitution.Where(r => regionOf[r.Postcode] == planted.RmcCode).ToList();
            Assert.True(cell.Sum(r => r.Students) > 300, $"{planted.Name}: only {cell.Sum(r => r.Students)} students.");
            var ratio = Rate(cell) / Rate(ofInstitution.Where(r => regionOf[r.Postcode] != planted.RmcCode));
            Assert.True(ratio > 1.5, $"{planted.Name}: rate ratio {ratio:F2} for multiplier {planted.Multiplier}.");
        }
    }

    [Fact]
    public void The_null_dataset_has_no_raised_rate_where_the_hotspots_were_planted()
    {
        var inside = HotspotMembership(data.Parameters.Hotspots);
        var ratio = Rate(data.NullRows.Where(r => inside.ContainsKey(r.Postcode))) / Rate(data.NullRows.Where(r => !inside.ContainsKey(r.Postcode)));
        Assert.InRange(ratio, 0.85, 1.15);
    }

    [Fact]
    public void The_absence_rate_changes_between_years_as_the_parameters_say()
    {
        var first = data.NullParameters.Years[0];
        var second = data.NullParameters.Years[1];
        var change = Rate(data.NullRows.Where(r => r.SchoolYear == second.SchoolYear)) / Rate(data.NullRows.Where(r => r.SchoolYear == first.SchoolYear));
        var expected = second.RateMultiplier / first.RateMultiplier;
        Assert.InRange(change, expected - 0.03, expected + 0.03);
    }

    [Fact]
    public void Eighteen_plus_students_have_the_higher_base_rate()
    {
        var under18 = Rate(data.NullRows.Where(r => r.AgeBand == SyntheticCountsGenerator.AgeBandUnder18));
        var plus18 = Rate(data.NullRows.Where(r => r.AgeBand == SyntheticCountsGenerator.AgeBand18Plus));
        var expected = data.NullParameters.Absence.BaseRate18Plus / data.NullParameters.Absence.BaseRateUnder18;
        Assert.InRange(plus18 / under18, expected * 0.93, expected * 1.07);
    }

    private static Dictionary<string, string> HotspotMembership(IReadOnlyList<SyntheticAreaHotspot> hotspots) =>
        SyntheticTestData.Inputs.Pc4Areas
            .Select(a => (a.Code, Hotspot: hotspots.FirstOrDefault(h => h.Contains(a.X, a.Y))))
            .Where(t => t.Hotspot is not null)
            .ToDictionary(t => t.Code, t => t.Hotspot!.Name, StringComparer.Ordinal);

    private static double Rate(IEnumerable<SyntheticRow> rows)
    {
        long students = 0, reports = 0;
        foreach (var row in rows)
        {
            students += row.Students;
            reports += row.AbsenceReports;
        }
        return (double)reports / students;
    }

    private static double Distance(SyntheticPc4 area, SyntheticCampus campus) =>
        Math.Sqrt(((area.X - campus.X) * (area.X - campus.X)) + ((area.Y - campus.Y) * (area.Y - campus.Y)));
}
