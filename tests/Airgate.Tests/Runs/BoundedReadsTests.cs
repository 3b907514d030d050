using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>
/// Interactive reads answer within <c>Airgate:Runs:InteractiveReadBudget</c> however long Airflow hangs: run detail from
/// the mirror (stale, with <c>synced_at</c>), task views with a 504. Airflow's own timeouts are set far beyond the budget
/// and the client's deadline, so only the budget can end these reads in time.
/// </summary>
public sealed class BoundedReadsTests
{
    private const string Amr = "bactopia_amr_analysis";
    private const string Path = $"/api/v1/workflows/{Amr}/runs/live";

    private static Gateway StartHanging() => Gateway.Start(options =>
    {
        options.Settings["Airgate:Runs:InteractiveReadBudget"] = "00:00:03";
        options.Settings["Airgate:Airflow:RequestTimeout"] = "00:02:00";
    });

    private static HttpClient WithDeadline(Gateway gateway)
    {
        // Generous against a 3 s budget; without the budget each read would take Airflow's 3 × 2 minutes.
        var client = gateway.ClientFor("dev");
        client.Timeout = TimeSpan.FromSeconds(45);
        return client;
    }

    [Fact]
    public async Task GetRun_AirflowHangs_AnswersFromTheMirrorMarkedStale()
    {
        await using var gateway = StartHanging();
        gateway.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "live", RunAfter = DateTimeOffset.UtcNow.AddMinutes(-5), State = "running" });
        var client = WithDeadline(gateway);
        var fresh = await (await client.GetAsync(Path)).ShouldBeJsonAsync();
        var listing = await (await client.GetAsync($"/api/v1/workflows/{Amr}/runs")).ShouldBeJsonAsync();
        fresh.TryGetProperty("stale", out _).ShouldBeFalse("a fresh answer is not marked stale");

        gateway.Emulator.Faults.Hang(HttpMethod.Get, $"/api/v2/dags/{Amr}/dagRuns/live", count: 100);
        var stale = await (await client.GetAsync(Path)).ShouldBeJsonAsync();

        stale.GetProperty("stale").GetBoolean().ShouldBeTrue();
        stale.GetProperty("state").GetString().ShouldBe("running");
        stale.GetProperty("dag_run_id").GetString().ShouldBe("live");
        stale.GetProperty("synced_at").GetDateTimeOffset().ShouldBe(listing.GetProperty("synced_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetRun_AirflowHangsAndTheMirrorHasNoSuchRun_504WithinTheBudget()
    {
        await using var gateway = StartHanging();
        gateway.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "live", RunAfter = DateTimeOffset.UtcNow.AddMinutes(-5), State = "running" });
        gateway.Emulator.Faults.Hang(HttpMethod.Get, $"/api/v2/dags/{Amr}/dagRuns/live", count: 100);

        var problem = await (await WithDeadline(gateway).GetAsync(Path)).ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/airflow-timeout");
    }

    [Theory]
    [InlineData(Path + "/tasks")]
    [InlineData(Path + "/tasks/run_fastqc")]
    public async Task TaskViews_AirflowHangs_504WithRetryAfterWithinTheBudget(string path)
    {
        await using var gateway = StartHanging();
        gateway.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "live", RunAfter = DateTimeOffset.UtcNow.AddMinutes(-5), State = "running" });
        var client = WithDeadline(gateway);
        await (await client.GetAsync(Path)).ShouldBeJsonAsync();
        gateway.Emulator.Faults.Hang(HttpMethod.Get, $"/api/v2/dags/{Amr}/dagRuns/live/taskInstances", count: 100);

        var response = await client.GetAsync(path);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.GatewayTimeout);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/airflow-timeout");
        response.Headers.RetryAfter.ShouldNotBeNull();
    }
}
