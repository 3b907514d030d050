using Airgate.AirflowEmulator;
using Airgate.Runs;
using Airgate.Runs.Mirror;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Runs;

/// <summary>Three replicas on one PostgreSQL: one keeps the mirror, the others read it, and another takes over when it goes.</summary>
public sealed class ReplicaLeadershipTests
{
    [PostgresFact]
    public async Task ThreeReplicas_ListingsOnEach_AirflowSeesOneReplicasSyncReads()
    {
        var database = await TestDatabases.CreateAsync();
        await using var emulator = NewEmulator();
        var replicas = Enumerable.Range(0, 3).Select(_ => StartReplica(emulator, database, "01:00:00")).ToList();
        try
        {
            await WaitUntilAsync(() => replicas.Count(IsLeader) == 1);
            await (await replicas[0].Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(System.Net.HttpStatusCode.Created);
            await (await replicas.Single(IsLeader).Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync(); // cold start: sets the watermark
            emulator.ClearRequests();

            foreach (var replica in replicas)
            {
                for (var i = 0; i < 4; i++)
                {
                    var page = await (await replica.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync();
                    page.GetProperty("total_entries").GetInt64().ShouldBe(1);
                }
            }

            // Four listings' worth of syncs: exactly what the leader alone would have read; the followers read the mirror.
            SyncReads(emulator).ShouldBe(4);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await TestDatabases.DropAsync(database);
        }
    }

    [PostgresFact]
    public async Task ThreeReplicas_LeaderStops_AnotherTakesOverAndKeepsSyncing()
    {
        var database = await TestDatabases.CreateAsync();
        await using var emulator = NewEmulator();
        var replicas = Enumerable.Range(0, 3).Select(_ => StartReplica(emulator, database, "00:00:00.100")).ToList();
        try
        {
            await WaitUntilAsync(() => replicas.Count(IsLeader) == 1);
            var leader = replicas.Single(IsLeader);
            replicas.Remove(leader);
            await leader.DisposeAsync();

            await WaitUntilAsync(() => replicas.Count(IsLeader) == 1);
            emulator.ClearRequests();
            await WaitUntilAsync(() => SyncReads(emulator) >= 3);
            replicas.Count(IsLeader).ShouldBe(1);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await TestDatabases.DropAsync(database);
        }
    }

    private static AirflowEmulator.AirflowEmulator NewEmulator() => new(new EmulatorOptions
    {
        FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
    });

    private static Gateway StartReplica(AirflowEmulator.AirflowEmulator emulator, string database, string syncInterval)
    {
        var replica = Gateway.Start(options =>
        {
            options.SharedEmulator = emulator;
            options.Settings["Airgate:Database:Provider"] = "Postgres";
            options.Settings["Airgate:Database:ConnectionString"] = database;
            options.Settings["Airgate:Runs:SyncInterval"] = syncInterval;
        });
        _ = replica.Client; // starts the host, and with it the replica's bid for the lead
        return replica;
    }

    private static bool IsLeader(Gateway replica) => replica.Services.GetRequiredService<MirrorLeadership>().IsLeader;

    private static int SyncReads(AirflowEmulator.AirflowEmulator emulator) =>
        emulator.Requests.Count(r => r.Operation == "GetDagRuns" && r.PathAndQuery.Contains("updated_at_gte", StringComparison.Ordinal));

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
