using System.Net;
using Airgate.AirflowEmulator;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

/// <summary>Run detail: the run and its task instances in one round trip, and the mirror written only when Airflow changed it.</summary>
public sealed class RunDetailReadsTests
{
    private const string Amr = "bactopia_amr_analysis";
    private const string Path = $"/api/v1/workflows/{Amr}/runs/live";

    [Fact]
    public async Task GetRun_RunAndTaskInstances_AskedOfAirflowAtTheSameTime()
    {
        var overlap = new OverlapHandler($"/api/v2/dags/{Amr}/dagRuns/live", $"/api/v2/dags/{Amr}/dagRuns/live/taskInstances");
        await using var gateway = Gateway.Start(options => options.ConfigureServices = services =>
            services.AddHttpClient(Gateway.AirflowClientName).AddHttpMessageHandler(() => overlap));
        gateway.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "live", RunAfter = DateTimeOffset.UtcNow.AddMinutes(-5), State = "running" });

        overlap.Armed = true;
        var run = await (await gateway.Client.GetAsync(Path)).ShouldBeJsonAsync();

        overlap.Overlapped.ShouldBeTrue("the task instances were asked for only after the run was answered (or the reverse)");
        run.GetProperty("summary").GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetRun_NothingChanged_NoStoreWrite()
    {
        CountingRunStore? store = null;
        await using var gateway = Gateway.Start(options => options.ConfigureServices = services => CountingRunStore.Decorate(services, s => store = s));
        gateway.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "live", RunAfter = DateTimeOffset.UtcNow.AddMinutes(-5), State = "running" });
        await (await gateway.Client.GetAsync(Path)).ShouldBeJsonAsync();
        store.ShouldNotBeNull()["UpsertObservedAsync"].ShouldBe(1, "the first view mirrors a run the store did not know");
        gateway.Emulator.ClearRequests();

        for (var i = 0; i < 5; i++)
        {
            await (await gateway.Client.GetAsync(Path)).ShouldBeJsonAsync();
        }

        store["UpsertObservedAsync"].ShouldBe(1);
        gateway.Emulator.Requests.Count.ShouldBe(10, "each view: the run and one page of task instances");
    }

    [Fact]
    public async Task GetRun_AirflowChangedTheRun_WrittenOnceThenNotAgain()
    {
        CountingRunStore? store = null;
        await using var gateway = Gateway.Start(options => options.ConfigureServices = services => CountingRunStore.Decorate(services, s => store = s));
        gateway.Emulator.AddRun(new SeededRun { DagId = Amr, RunId = "live", RunAfter = DateTimeOffset.UtcNow.AddMinutes(-5), State = "running" });
        (await (await gateway.Client.GetAsync(Path)).ShouldBeJsonAsync()).GetProperty("state").GetString().ShouldBe("running");
        var writes = store.ShouldNotBeNull()["UpsertObservedAsync"];

        // Someone stops the run in Airflow itself, behind Airgate's back.
        using var airflow = new HttpClient(gateway.Emulator.CreateHandler()) { BaseAddress = new Uri("http://airflow.test/") };
        airflow.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", gateway.Emulator.IssueToken());
        (await airflow.PatchAsync($"/api/v2/dags/{Amr}/dagRuns/live", RunBodies.Json("""{"state": "failed"}"""))).EnsureSuccessStatusCode();

        var after = await (await gateway.Client.GetAsync(Path)).ShouldBeJsonAsync();
        var writesAfterChange = store["UpsertObservedAsync"];
        await (await gateway.Client.GetAsync(Path)).ShouldBeJsonAsync();

        after.GetProperty("state").GetString().ShouldBe("failed");
        writesAfterChange.ShouldBe(writes + 1);
        store["UpsertObservedAsync"].ShouldBe(writesAfterChange);
    }

    /// <summary>Holds the first of two requests until the second arrives (or a guard passes): both in flight at once proves overlap.</summary>
    private sealed class OverlapHandler(string first, string second) : DelegatingHandler
    {
        private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _secondArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Armed;

        public bool Overlapped => _firstArrived.Task.IsCompleted && _secondArrived.Task.IsCompleted && _bothWaited;

        private volatile bool _bothWaited;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri?.AbsolutePath;
            if (Armed && request.Method == HttpMethod.Get && (path == first || path == second))
            {
                (path == first ? _firstArrived : _secondArrived).TrySetResult();
                var other = path == first ? _secondArrived.Task : _firstArrived.Task;
                // Generous: a sequential implementation never completes it, a concurrent one at once.
                var done = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
                _bothWaited |= done == other;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
