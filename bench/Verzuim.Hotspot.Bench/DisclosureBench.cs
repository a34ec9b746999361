using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Disclosure;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Api.Import.Synthetic;

namespace Verzuim.Hotspot.Bench;

/// <summary>
/// Protection time per school year and the information loss of the optimal secondary suppression against the old line
/// heuristic, both on the same linked tables in the same run, each checked by the intruder audit.
/// </summary>
internal static class DisclosureBench
{
    private const double TargetSeconds = 30;
    private const double TargetShare = 0.01;

    public static async Task<int> RunAsync(string geodata, NpgsqlDataSource dataSource)
    {
        var geography = Options.Create(new GeographyOptions());
        var year = geography.Value.ClassificationYear;
        var parametersFile = Path.Combine(geodata, "synthetic", "parameters.json");
        var parameters = SyntheticParameters.Load(parametersFile);
        await using (var check = dataSource.CreateCommand("select count(*) from school_year_datasets"))
        {
            if ((long)(await check.ExecuteScalarAsync())! == 0)
            {
                Console.WriteLine($"importing the synthetic national set ({parametersFile}) ...");
                var loader = new SyntheticCountsLoader(new CountsImporter(dataSource, geography), geography);
                await loader.LoadAsync(geodata, parameters, parametersFile, Directory.CreateTempSubdirectory("bench-synthetic-").FullName, null, CancellationToken.None);
            }
        }
        var options = new DisclosureOptions();
        var policy = new DisclosurePolicy(Options.Create(options));
        var failed = false;
        // DISCLOSURE_BENCH_YEARS (comma-separated) picks school years; DISCLOSURE_BENCH_AUDIT=0 leaves the audit out, for
        // quick runs while tuning the protector; DISCLOSURE_BENCH_SHIPPED=1 audits the shipped protections instead of
        // computing new ones.
        var only = Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_YEARS")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var audited = Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_AUDIT") != "0";
        // DISCLOSURE_BENCH_TIME_LIMIT (seconds) replaces the protector's configured limit, to see what it takes unbounded;
        // DISCLOSURE_BENCH_EXPORT=folder writes the protection computed as a shipped one (as protect --export does).
        var timeLimit = int.TryParse(Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_TIME_LIMIT"), out var seconds)
            ? seconds
            : options.ProtectionTimeLimitSeconds;
        foreach (var schoolYear in parameters.Years.Select(y => y.SchoolYear).Where(y => only is null || only.Contains(y)))
        {
            var clock = Stopwatch.StartNew();
            var tables = await LinkedTablesBuilder.LoadAsync(dataSource, year, schoolYear, CancellationToken.None);
            var loadSeconds = clock.Elapsed.TotalSeconds;
            if (Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_SHIPPED") == "1")
            {
                failed |= !AuditShipped(geodata, tables, schoolYear, policy.MinimumCount);
                continue;
            }
            // DISCLOSURE_BENCH_INSTITUTIONS=1 protects against every institution key holder too (Disclosure:ProtectAgainstInstitutionKeys).
            var institutions = Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_INSTITUTIONS") == "1";
            var result = SecondarySuppression.Protect(tables, policy.MinimumCount, TimeSpan.FromSeconds(timeLimit), againstInstitutions: institutions);
            PrintViews(result);
            // DISCLOSURE_BENCH_SIDE_BY_SIDE=1 also runs the earlier order (students and reports at once, each on a core)
            // on the same tables, for the comparison in one run.
            if (Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_SIDE_BY_SIDE") == "1")
            {
                var sideBySide = SecondarySuppression.Protect(tables, policy.MinimumCount, TimeSpan.FromSeconds(timeLimit), againstInstitutions: institutions,
                    measuresSideBySide: true);
                Console.WriteLine(Invariant($"  side by side: {sideBySide.Elapsed.TotalSeconds:0.0} s ({sideBySide.LinearPrograms} LPs, {sideBySide.Fallbacks} fallbacks) against students first: {result.Elapsed.TotalSeconds:0.0} s ({result.LinearPrograms} LPs, {result.Fallbacks} fallbacks); ratio {sideBySide.Elapsed.TotalSeconds / result.Elapsed.TotalSeconds:0.00}"));
                PrintViews(sideBySide);
                foreach (var (first, side) in InformationLoss.Of(result.Mask).Zip(InformationLoss.Of(sideBySide.Mask)))
                {
                    var reportCells = (DisclosureMask m) => Enumerable.Range(0, tables.Count).Count(c => tables.Keys[c].Table == first.Table && tables.Keys[c].Band == first.Band && m.IsSecondary(c, Measure.Reports));
                    Console.WriteLine(Invariant($"    {first.Table,-18} {first.Band,-8} students hidden {first.SecondaryShare,7:P2} (side by side {side.SecondaryShare,7:P2}); report cells hidden {reportCells(result.Mask),6} (side by side {reportCells(sideBySide.Mask),6})"));
                }
            }
            if (Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_EXPORT") is { Length: > 0 } folder)
            {
                var fingerprint = ShippedProtection.Fingerprint(tables, policy.MinimumCount, againstInstitutionKeys: institutions);
                var key = new MaskKey(schoolYear, 0, 0, DateTime.UnixEpoch, policy.MinimumCount);
                Console.WriteLine($"  written {ShippedProtection.Write(folder, PublishedMask.From(key, result.Mask, fingerprint))}");
            }
            var old = LineHeuristic.Apply(tables, policy);
            var byMeasure = string.Join(", ", result.FallbacksByMeasure.Select(kv => $"{kv.Key} {kv.Value}"));
            Console.WriteLine();
            Console.WriteLine(Invariant($"school year {schoolYear}: {tables.Count} cells, {tables.Equations.Count} equations, {result.Targets} small counts"));
            Console.WriteLine(Invariant($"  read from PostGIS {loadSeconds:0.00} s; protection {result.Elapsed.TotalSeconds:0.00} s ({result.LinearPrograms} LPs, fallbacks: {byMeasure}, of which {result.NotFound} found no perturbation; settled in bulk {result.SettledInBulk}, raised on the way {result.RaisedOnTheWay}, solved by neighbourhood step {string.Join("/", result.SolvedByAttempt)}); protection / target ({TargetSeconds} s) = {result.Elapsed.TotalSeconds / TargetSeconds:0.000}"));
            Console.WriteLine($"  {"table",-18} {"band",-8} {"students",9} | {"optimal: hidden",16} {"cells",6} {"share",7} {"largest",8} | {"old: hidden",12} {"cells",6} {"share",7} {"largest",8}");
            var oldLoss = InformationLoss.Of(old).ToDictionary(l => (l.Table, l.Band));
            foreach (var loss in InformationLoss.Of(result.Mask))
            {
                var o = oldLoss[(loss.Table, loss.Band)];
                Console.WriteLine(Invariant($"  {loss.Table,-18} {loss.Band,-8} {loss.Students,9} | {loss.SecondaryStudents,16} {loss.SecondaryCells,6} {loss.SecondaryShare,7:P2} {loss.LargestSecondaryCell,8} | {o.SecondaryStudents,12} {o.SecondaryCells,6} {o.SecondaryShare,7:P2} {o.LargestSecondaryCell,8}"));
                failed |= loss.SecondaryShare > TargetShare;
            }
            PrintBandBound(tables, policy.MinimumCount);
            // The old heuristic first: its findings are the point of this issue. Differencing alone is quick on any size.
            var differenced = IntruderAudit.Differencing(old);
            Console.WriteLine(Invariant($"  old line heuristic, differencing alone: {differenced.Count} small counts pinned exactly"));
            foreach (var group in differenced.GroupBy(f => f.Attack))
            {
                Console.WriteLine(Invariant($"    {group.Count(),6} by {group.Key}; e.g. {group.First()}"));
            }
            // Its LP audit is left out: differencing already pins thousands of its small counts, and each needs an LP
            // over its whole group of hidden cells to confirm, which takes many minutes here.
            if (!audited)
            {
                failed |= result.Elapsed.TotalSeconds > TargetSeconds;
                continue;
            }
            clock.Restart();
            var audit = IntruderAudit.Run(result.Mask);
            Console.WriteLine(Invariant($"  audit of the optimal suppression ({clock.Elapsed.TotalSeconds:0.0} s): {Verdict(audit)}"));
            foreach (var finding in audit.Findings.Take(3))
            {
                Console.WriteLine($"    e.g. {finding}");
            }
            failed |= !audit.Passed || result.Elapsed.TotalSeconds > TargetSeconds;
        }
        Console.WriteLine(failed ? "TARGET MISSED (audit, time or loss)" : "all targets met");
        return failed ? 1 : 0;
    }

    /// <summary>What the band equation alone forces any suppression to hide, against the loss target.</summary>
    private static void PrintBandBound(LinkedTables tables, int minimumCount)
    {
        foreach (var bound in BandLowerBound.Of(tables, minimumCount))
        {
            Console.WriteLine(Invariant($"  {bound.Table}: the band equation alone forces {bound.ForcedAll} students ({bound.ForcedAllShare:P2}) of band all hidden, and a largest per-band share of at least {bound.MaxShare:P2} ({bound.MaxShareByDifferencing:P2} by differencing alone; target {TargetShare:P0})"));
        }
    }

    /// <summary>Time per view: the public one in full, the RMC keys' summed, with their slowest.</summary>
    private static void PrintViews(ProtectionResult result)
    {
        foreach (var measure in result.Views.GroupBy(v => v.Measure))
        {
            var pub = measure.First(v => v.View == "public");
            var roles = measure.Where(v => v.View != "public").ToList();
            var slowest = roles.MaxBy(v => v.Elapsed);
            var roleSeconds = roles.Sum(v => v.Elapsed.TotalSeconds);
            Console.WriteLine(Invariant($"  {measure.Key}: public view {pub.Elapsed.TotalSeconds:0.0} s ({pub.Targets} counts, {pub.LinearPrograms} LPs, {pub.Fallbacks} fallbacks)"));
            Console.WriteLine(Invariant($"    {roles.Count} key views {roleSeconds:0.0} s ({roles.Sum(v => v.Targets)} counts, {roles.Sum(v => v.LinearPrograms)} LPs, {roles.Sum(v => v.Fallbacks)} fallbacks; slowest {slowest?.View} {slowest?.Elapsed.TotalSeconds:0.0} s)"));
        }
    }

    /// <summary>The intruder audit of the protection shipped for these tables; false when none is shipped or it fails.</summary>
    private static bool AuditShipped(string geodata, LinkedTables tables, string schoolYear, int minimumCount)
    {
        var fingerprint = ShippedProtection.Fingerprint(tables, minimumCount);
        var key = new MaskKey(schoolYear, 0, 0, DateTime.UnixEpoch, minimumCount);
        if (ShippedProtection.TryLoad(Path.Combine(geodata, "synthetic", "protection"), key, fingerprint) is not { } shipped)
        {
            Console.WriteLine($"school year {schoolYear}: no shipped protection for fingerprint {fingerprint[..16]}");
            return false;
        }
        var mask = shipped.Over(tables, minimumCount);
        Console.WriteLine(Invariant($"school year {schoolYear}: shipped protection {fingerprint[..16]}, {tables.Count} cells, {mask.SmallCounts} small counts"));
        Console.WriteLine($"  {"table",-18} {"band",-8} {"students",9} | {"hidden",9} {"cells",6} {"share",7} {"largest",8}");
        foreach (var loss in InformationLoss.Of(mask))
        {
            Console.WriteLine(Invariant($"  {loss.Table,-18} {loss.Band,-8} {loss.Students,9} | {loss.SecondaryStudents,9} {loss.SecondaryCells,6} {loss.SecondaryShare,7:P2} {loss.LargestSecondaryCell,8}"));
        }
        PrintBandBound(tables, minimumCount);
        if (Environment.GetEnvironmentVariable("DISCLOSURE_BENCH_ROLES") is { Length: > 0 } roles)
        {
            return AuditRoles(mask, roles);
        }
        var clock = Stopwatch.StartNew();
        var audit = IntruderAudit.Run(mask);
        Console.WriteLine(Invariant($"school year {schoolYear}: audit of the shipped protection ({clock.Elapsed.TotalSeconds:0.0} s): {Verdict(audit)}"));
        foreach (var finding in audit.Findings.Take(3))
        {
            Console.WriteLine($"    e.g. {finding}");
        }
        return audit.Passed;
    }

    /// <summary>
    /// The public mask attacked by the holder of each RMC key, who knows its own region's cells exactly: differencing
    /// for every region, then the whole audit for the regions named (DISCLOSURE_BENCH_ROLES=MC21,MC05; "all" for
    /// every region, "diff" for differencing alone). As the holder of each institution key instead:
    /// DISCLOSURE_BENCH_ROLES=institutions (differencing as each), or institution:BRIN,... (and the whole audit as those).
    /// </summary>
    private static bool AuditRoles(DisclosureMask mask, string roles)
    {
        var passed = true;
        var institutions = roles == "institutions" || roles.StartsWith("institution:", StringComparison.Ordinal);
        var known = RoleKnowledge.Views(mask.Tables, regions: !institutions, institutions);
        var full = roles == "all" ? known.Keys.ToHashSet() : roles.Split(',').Select(r => r.Contains(':') ? r : $"rmc:{r}").ToHashSet();
        foreach (var (role, cells) in known.OrderBy(kv => kv.Key))
        {
            var seen = RoleKnowledge.AsSeenBy(mask, cells);
            var clock = Stopwatch.StartNew();
            var differenced = IntruderAudit.Differencing(seen);
            var line = Invariant($"  {role} ({cells.Length} cells known): differencing pins {differenced.Count}");
            if (full.Contains(role))
            {
                var audit = IntruderAudit.Run(seen);
                line += Invariant($"; whole audit ({clock.Elapsed.TotalSeconds:0.0} s): {Verdict(audit)}");
                passed &= audit.Passed;
            }
            Console.WriteLine(differenced.Count > 0 ? $"{line}; e.g. {differenced[0]}" : line);
            passed &= differenced.Count == 0;
        }
        return passed;
    }

    private static string Verdict(AuditReport audit) =>
        audit.Passed ? $"passes ({audit.Checked} small counts checked, {audit.Escalated} on the whole system)" : $"FAILS: {audit.Findings.Count} small counts pinned";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
