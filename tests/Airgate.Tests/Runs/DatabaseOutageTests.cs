using System.Net;
using System.Text.Json;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>A database that goes away is a 503 with Retry-After, never a 500; a trigger Airflow may have accepted says so.</summary>
public sealed class DatabaseOutageTests
{
    private const string DatabaseUnavailable = "https://airgate.dev/problems/database-unavailable";

    [PostgresFact(ownServer: true)]
    public async Task Trigger_PostgresRestartedDuringTriggers_503WithRunMayExistThenRetriesConvergeOnOneRunEach()
    {
        await using var postgres = await PrivatePostgres.StartAsync(port: 5101);
        await using var gateway = Gateway.Start(options =>
        {
            options.Settings["Airgate:Database:Provider"] = "Postgres";
            options.Settings["Airgate:Database:ConnectionString"] = postgres.ConnectionString;
        });
        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/warm"), "warm")).ShouldBeJsonAsync(HttpStatusCode.Created);

        // Airflow takes the next six triggers, then answers only after the database has gone.
        var keys = Enumerable.Range(0, 6).Select(i => $"key-{i}").ToList();
        gateway.Emulator.Faults.Delay(TimeSpan.FromSeconds(3), HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns", count: keys.Count);
        var inFlight = keys.Select(k => gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/" + k), k)).ToList();
        await WaitUntilAsync(() => gateway.Emulator.TriggerPosts() == 1 + keys.Count);
        await postgres.StopAsync();
        var answers = await Task.WhenAll(inFlight);
        var whileDown = await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/down"), "key-down");

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.ServiceUnavailable);
        answers.ShouldContain(a => a.StatusCode == HttpStatusCode.ServiceUnavailable);
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            var problem = await answer.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            problem.GetProperty("type").GetString().ShouldBe(DatabaseUnavailable);
            problem.GetProperty("run_may_exist").GetBoolean().ShouldBeTrue();
            problem.GetProperty("dag_run_id").GetString().ShouldStartWith("airgate__");
            answer.Headers.RetryAfter.ShouldNotBeNull();
        }

        var downProblem = await whileDown.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        downProblem.GetProperty("type").GetString().ShouldBe(DatabaseUnavailable);
        downProblem.TryGetProperty("run_may_exist", out _).ShouldBeFalse();
        whileDown.Headers.RetryAfter.ShouldNotBeNull();
        gateway.Emulator.TriggerPosts().ShouldBe(1 + keys.Count);

        await postgres.StartAsync();
        var runIds = new List<string>();
        foreach (var key in keys.Append("key-down"))
        {
            runIds.Add(await RetryUntilRunAsync(gateway, key));
        }

        runIds.Distinct().Count().ShouldBe(keys.Count + 1);
        gateway.Emulator.TriggerPosts().ShouldBe(1 + keys.Count + 1);
    }

    private static async Task<string> RetryUntilRunAsync(Gateway gateway, string key)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await gateway.Client.TriggerAsync(RunBodies.ValidScreen(key == "key-down" ? "/data/down" : "/data/" + key), key);
            response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return body.RootElement.GetProperty("dag_run_id").GetString()!;
            }

            // Pooled connections to the stopped server fail once each before fresh ones are opened.
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            attempt.ShouldBeLessThan(50);
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Waits for an outcome, not a duration: the bound only stops a broken test from hanging the run.
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }
}
