using System.Net;
using System.Net.Http.Json;
using Airgate.AirflowEmulator;
using Airgate.Runs.Mirror;
using Airgate.Storage.Postgres;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Airgate.Tests.Runs.Events;

/// <summary>
/// Three replicas on one real PostgreSQL, a listing stream open on each: every stream sees every change, whichever
/// replica made it (a trigger, a stop) or mirrored it (the leader's sync), in order, across a leader failover and a
/// dropped notification connection.
/// </summary>
public sealed class ReplicaListingStreamTests
{
    private const string Events = "/api/v1/workflows/~/runs/events";

    // States in the order a run can pass through them: a stream must never show a run going back.
    private static readonly string[] Lifecycle = ["queued", "running", "success", "failed"];

    [PostgresFact]
    public async Task ThreeReplicas_StreamOnEach_SeesEveryChangeInOrder_AcrossFailoverAndDroppedConnection()
    {
        var database = await TestDatabases.CreateAsync();
        await using var emulator = new AirflowEmulator.AirflowEmulator(new EmulatorOptions
        {
            FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
        });
        var replicas = Enumerable.Range(0, 3).Select(_ => StartReplica(emulator, database)).ToList();
        var streams = new Dictionary<Gateway, SseStream>();
        try
        {
            await WaitUntilAsync(() => replicas.Count(IsLeader) == 1, "one leader");
            await (await replicas.Single(IsLeader).Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync(); // the watermark
            foreach (var replica in replicas)
            {
                streams[replica] = await SseStream.OpenAsync(replica.ClientFor("alice"), Events);
            }

            // A trigger on each replica, and a stop on a follower: each written by one replica, seen by all three.
            List<string> runs = [];
            foreach (var replica in replicas)
            {
                runs.Add(await TriggerAsync(replica));
            }

            var follower = replicas.First(r => !IsLeader(r));
            var stop = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/workflows/{RunBodies.Screen}/runs/{runs[0]}")
            {
                Content = JsonContent.Create(new { state = "failed" }),
            };
            (await follower.ClientFor("alice").SendAsync(stop)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // A run only Airflow knows: only the leader's sync mirrors it, the followers hear of it through the database.
            emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside_1", RunAfter = DateTimeOffset.UtcNow, State = "running" });

            foreach (var stream in streams.Values)
            {
                await WaitUntilAsync(() => SeesAll(stream, [.. runs, "outside_1"]), "every run on every replica's stream");
                await WaitUntilAsync(() => States(stream, runs[0]).Contains("failed"), "the stop on every replica's stream");
                ShouldBeInLifecycleOrder(stream);
            }

            // Failover: the leader goes; the two streams left still see what only the new leader's sync mirrors.
            var leader = replicas.Single(IsLeader);
            await streams[leader].DisposeAsync();
            streams.Remove(leader);
            replicas.Remove(leader);
            await leader.DisposeAsync();
            await WaitUntilAsync(() => replicas.Count(IsLeader) == 1, "a new leader");
            emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside_2", RunAfter = DateTimeOffset.UtcNow, State = "running" });
            foreach (var stream in streams.Values)
            {
                await WaitUntilAsync(() => SeesAll(stream, ["outside_2"]), "a run mirrored by the new leader");
            }

            // Every replica's notification connection dropped by the server: changes made meanwhile still arrive.
            await TerminateNotificationConnectionsAsync(database);
            runs.Add(await TriggerAsync(replicas[0]));
            foreach (var stream in streams.Values)
            {
                await WaitUntilAsync(() => SeesAll(stream, [runs[^1]]), "a trigger made while notifications were down");
                ShouldBeInLifecycleOrder(stream);
                stream.Closed.ShouldBeFalse();
            }
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                await stream.DisposeAsync();
            }

            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await TestDatabases.DropAsync(database);
        }
    }

    private static Gateway StartReplica(AirflowEmulator.AirflowEmulator emulator, string database)
    {
        var replica = Gateway.Start(options =>
        {
            options.SharedEmulator = emulator;
            options.Settings["Airgate:Database:Provider"] = "Postgres";
            options.Settings["Airgate:Database:ConnectionString"] = database;
            options.Settings["Airgate:Runs:SyncInterval"] = "00:00:00.200";
            options.Settings["Airgate:Events:PollInterval"] = "00:00:00.200";
        });
        _ = replica.Client; // starts the host, and with it the replica's bid for the lead
        return replica;
    }

    private static async Task<string> TriggerAsync(Gateway replica)
    {
        var run = await (await replica.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        return run.GetProperty("dag_run_id").GetString()!;
    }

    private static bool IsLeader(Gateway replica) => replica.Services.GetRequiredService<MirrorLeadership>().IsLeader;

    private static IEnumerable<SseEvent> RunEvents(SseStream stream, string runId) =>
        stream.Received.Where(e => e.Name == "run" && e.Json.GetProperty("run").GetProperty("dag_run_id").GetString() == runId);

    private static List<string?> States(SseStream stream, string runId) =>
        [.. RunEvents(stream, runId).Select(e => e.Json.GetProperty("run").GetProperty("state").GetString())];

    private static bool SeesAll(SseStream stream, IEnumerable<string> runIds) => runIds.All(id => RunEvents(stream, id).Any());

    private static void ShouldBeInLifecycleOrder(SseStream stream)
    {
        foreach (var runId in stream.Received.Where(e => e.Name == "run").Select(e => e.Json.GetProperty("run").GetProperty("dag_run_id").GetString()!).Distinct())
        {
            var ranks = States(stream, runId).Select(s => Array.IndexOf(Lifecycle, s)).ToList();
            ranks.ShouldAllBe(rank => rank >= 0);
            ranks.ShouldBe([.. ranks.Order()], $"{runId}'s states came out of order: {string.Join(", ", States(stream, runId))}");
        }
    }

    private static async Task TerminateNotificationConnectionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name",
            connection);
        terminate.Parameters.AddWithValue("name", PostgresRunChangeSignal.ApplicationName);
        ((long)(await terminate.ExecuteScalarAsync())!).ShouldBe(2);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        // Waits for an outcome, not a duration: the bound only stops a broken test from hanging the run.
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue(what);
    }
}
