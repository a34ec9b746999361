using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Data;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Hotspots.Statistics;
using Verzuim.Hotspot.Api.Hotspots;
using Verzuim.Hotspot.Api.Import.Synthetic;
using Verzuim.Hotspot.Api.Infrastructure;
using Verzuim.Hotspot.Bench;

// Times Gi* with 999 conditional permutations on every PC4 area: contiguity from PostGIS, rates from the
// synthetic national set (imported first when the database has no counts for its school year).
const double TargetSeconds = 2.0;
const int Runs = 5;
var geodata = args.Length > 0 && args[0] != "disclosure" ? args[0] : args.Length > 1 ? args[1] : "geodata";
var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Hotspot")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Hotspot.");
await using var dataSource = DataExtensions.CreateDataSource(connectionString);
if (args.Length > 0 && args[0] == "disclosure")
{
    return await DisclosureBench.RunAsync(geodata, dataSource);
}
var geography = Options.Create(new GeographyOptions());
var year = geography.Value.ClassificationYear;
var parametersFile = Path.Combine(geodata, "synthetic", "parameters.json");
var parameters = SyntheticParameters.Load(parametersFile);
var schoolYear = parameters.Years[^1].SchoolYear;

await using (var check = dataSource.CreateCommand("select count(*) from school_year_datasets where school_year = @s"))
{
    check.Parameters.AddWithValue("s", schoolYear);
    if ((long)(await check.ExecuteScalarAsync())! == 0)
    {
        Console.WriteLine($"importing the synthetic national set ({parametersFile}) ...");
        var loader = new SyntheticCountsLoader(new CountsImporter(dataSource, geography), geography);
        await loader.LoadAsync(geodata, parameters, parametersFile, Directory.CreateTempSubdirectory("bench-synthetic-").FullName, null, CancellationToken.None);
    }
}

var clock = Stopwatch.StartNew();
var contiguity = await new ContiguityCache(dataSource, new VersionedCache(64)).GetAsync(year, AreaLevel.Pc4, CancellationToken.None);
var contiguitySeconds = clock.Elapsed.TotalSeconds;
var counts = await dataSource.AreaCountsAsync(AreaLevel.Pc4, year, schoolYear, null, CancellationToken.None);
var byCode = counts.ToDictionary(c => c.Code, StringComparer.Ordinal);
var aligned = contiguity.Codes.Select(c => byCode.GetValueOrDefault(c) ?? new AreaCounts(c, "", 0, 0)).ToList();
var withData = aligned.Count(a => a.Students > 0);
var meanK = contiguity.Neighbours.Average(n => n.Length);

// Warm-up (JIT, thread pool), then the median of several runs.
HotspotAnalysis.Run(aligned, contiguity, HotspotMethod.GiStar, RateSmoothing.EmpiricalBayes, 999, ConditionalPermutation.DefaultSeed);
var times = new List<double>();
for (var r = 0; r < Runs; r++)
{
    clock.Restart();
    HotspotAnalysis.Run(aligned, contiguity, HotspotMethod.GiStar, RateSmoothing.EmpiricalBayes, 999, ConditionalPermutation.DefaultSeed);
    times.Add(clock.Elapsed.TotalSeconds);
}
times.Sort();
var median = times[Runs / 2];
string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
Console.WriteLine($"pc4 areas: {aligned.Count} ({withData} with students), mean neighbours {meanK.ToString("0.00", CultureInfo.InvariantCulture)}, " +
    $"{Environment.ProcessorCount} cores, school year {schoolYear}");
Console.WriteLine($"contiguity from PostGIS (cold): {F(contiguitySeconds)} s");
Console.WriteLine($"Gi* + EB + 999 permutations + BH, median of {Runs}: {F(median)} s (min {F(times[0])}, max {F(times[^1])}); " +
    $"ratio to the {F(TargetSeconds)} s target: {F(median / TargetSeconds)}");
return median <= TargetSeconds ? 0 : 1;
