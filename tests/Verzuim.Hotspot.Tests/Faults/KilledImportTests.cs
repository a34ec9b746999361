using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Verzuim.Hotspot.Api.Counts;
using Verzuim.Hotspot.Api.Geography;
using Verzuim.Hotspot.Tests.Counts;
using Verzuim.Hotspot.Tests.Infrastructure;

namespace Verzuim.Hotspot.Tests.Faults;

/// <summary>
/// The import console, run as a real process, is killed with SIGKILL in the middle of its COPY: no clean-up code
/// runs, so only the transaction protects the data. The previous import must be served unchanged, and the next
/// import must work.
/// </summary>
[Collection(CountsCollection.Name)]
public sealed class KilledImportTests(PostGisFixture postGis) : IAsyncLifetime
{
    private const string Year = "2040-2041";
    private const string ApplicationName = "killed-import-test";
    private CountsTestData _data = null!;
    private string _work = "";
    // Unique, so a killed import of an earlier run on the same database is not counted.
    private readonly string _killedDataset = $"killed-{Guid.NewGuid():N}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The data version is global: let the national set (imported on first use by classes outside this collection)
        // be in before this test compares versions.
        await postGis.National.EnsureLoadedAsync();
        _data = await CountsTestData.LoadAsync(postGis);
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
        _work = Directory.CreateTempSubdirectory("killed-import-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await CountsTestData.DeleteSchoolYearsAsync(postGis, Year);
        Directory.Delete(_work, recursive: true);
    }

    private sealed record Totals(long Rows, long Students, long Reports);

    [Fact]
    public async Task An_Import_Killed_Mid_Copy_Leaves_The_Previous_Data_Served_And_The_Next_Import_Works()
    {
        // Arrange: a committed import, its answer and data version, and a large file for the same school year.
        var previous = await new CountsImporter(postGis.DataSource, Options.Create(new GeographyOptions()))
            .ImportAsync(CountsTestData.Stream(CountsTestData.Csv(_data.Rows(Year, 2000, seed: 7))), "previous", false, null, Ct);
        Assert.True(previous.Succeeded);
        var totalsBefore = await TotalsAsync();
        var versionBefore = await DataVersionAsync();
        string flowsBefore;
        await using (var api = new ApiFactory(postGis))
        {
            flowsBefore = await FlowsAsync(api.CreateClient());
        }
        var large = Path.Combine(_work, "large.csv");
        await File.WriteAllTextAsync(large, CountsTestData.Csv(_data.Rows(Year, 600_000, seed: 8)), Ct);

        // Act: start the console on it, and kill it as soon as its COPY runs.
        using var killed = StartImport(large, _killedDataset);
        var copying = await WaitForAsync(() => BackendsAsync("query ilike 'copy%' and state = 'active'"), n => n > 0, TimeSpan.FromSeconds(60));
        Assert.False(killed.HasExited, "the import finished before it could be killed; make the file larger");
        Assert.True(copying, "the import's COPY was never seen running");
        killed.Kill();
        await killed.WaitForExitAsync(Ct);
        // The server aborts the transaction when it notices the client is gone.
        Assert.True(await WaitForAsync(() => BackendsAsync("true"), n => n == 0, TimeSpan.FromSeconds(30)), "the killed import's backend lingers");

        // Assert: nothing of the killed import is visible, to a restarted API either.
        Assert.NotEqual(0, killed.ExitCode);
        Assert.Equal(totalsBefore, await TotalsAsync());
        // Not the global data version: test classes of other collections import their own school years meanwhile.
        Assert.Equal(0, await ImportsNamedAsync(_killedDataset));
        Assert.Equal("previous", await DatasetOfYearAsync());
        await using (var restarted = new ApiFactory(postGis))
        {
            Assert.Equal(flowsBefore, await FlowsAsync(restarted.CreateClient()));
        }

        // Act: the next import, by the same console, runs to completion.
        var next = Path.Combine(_work, "next.csv");
        var nextRows = _data.Rows(Year, 3000, seed: 9);
        await File.WriteAllTextAsync(next, CountsTestData.Csv(nextRows), Ct);
        using var completed = StartImport(next, "next");
        await completed.WaitForExitAsync(Ct);

        // Assert: its data replaces the previous, with a new data version.
        Assert.Equal(0, completed.ExitCode);
        var totalsAfter = await TotalsAsync();
        Assert.Equal(nextRows.Sum(r => (long)r.Students), totalsAfter.Students);
        Assert.Equal(nextRows.Sum(r => (long)r.Reports), totalsAfter.Reports);
        Assert.True(await DataVersionAsync() > versionBefore);
        await using (var after = new ApiFactory(postGis))
        {
            Assert.NotEqual(flowsBefore, await FlowsAsync(after.CreateClient()));
        }
    }

    private Process StartImport(string csv, string dataset)
    {
        var console = Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Verzuim.Hotspot.Import",
            new DirectoryInfo(AppContext.BaseDirectory).Name, "Verzuim.Hotspot.Import.dll");
        Assert.True(File.Exists(console), $"build the solution first: {console} is missing");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { console, "import-counts", csv, "--dataset", dataset })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ConnectionStrings__Hotspot"] =
            new NpgsqlConnectionStringBuilder(postGis.ConnectionString) { ApplicationName = ApplicationName }.ConnectionString;
        var process = Process.Start(start)!;
        // Drained, so a chatty console never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<long> BackendsAsync(string condition)
    {
        await using var command = postGis.DataSource.CreateCommand(
            $"select count(*) from pg_stat_activity where application_name = '{ApplicationName}' and datname = current_database() and {condition}");
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<bool> WaitForAsync(Func<Task<long>> probe, Func<long, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (done(await probe()))
            {
                return true;
            }
            await Task.Delay(20, Ct);
        }
        return false;
    }

    private async Task<Totals> TotalsAsync()
    {
        await using var db = postGis.CreateDbContext();
        var counts = db.StudentCounts.Where(c => c.SchoolYear == Year);
        return new Totals(await counts.LongCountAsync(Ct), await counts.SumAsync(c => (long)c.Students, Ct), await counts.SumAsync(c => (long)c.AbsenceReports, Ct));
    }

    private async Task<long> ImportsNamedAsync(string dataset)
    {
        await using var command = postGis.DataSource.CreateCommand("select count(*) from counts_imports where dataset = $1");
        command.Parameters.AddWithValue(dataset);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<string?> DatasetOfYearAsync()
    {
        await using var command = postGis.DataSource.CreateCommand("select dataset from school_year_datasets where school_year = $1");
        command.Parameters.AddWithValue(Year);
        return (string?)await command.ExecuteScalarAsync(Ct);
    }

    private async Task<long> DataVersionAsync()
    {
        await using var command = postGis.DataSource.CreateCommand("select version from data_state where id = 1");
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<string> FlowsAsync(HttpClient client)
    {
        var response = await client.GetAsync($"/flows?schoolYear={Year}&ageBand=18plus", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetRawText();
    }
}
