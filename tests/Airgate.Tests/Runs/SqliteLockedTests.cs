using System.Net;
using Airgate.Storage;
using Airgate.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airgate.Tests.Runs;

/// <summary>A SQLite file another process holds locked: every write gives up after <c>Airgate:Database:BusyTimeout</c> with a 503.</summary>
public sealed class SqliteLockedTests
{
    [Fact]
    public async Task Trigger_FileLockedByAnotherProcess_Each503WithRetryAfterAndNothingSentToAirflow()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Database:BusyTimeout"] = "00:00:01");
        await (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).ShouldBeJsonAsync(); // migrated and warm
        var connectionString = gateway.Services.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveConnectionString;
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await other.OpenAsync();
        await using (var lockIt = other.CreateCommand())
        {
            lockIt.CommandText = "BEGIN EXCLUSIVE";
            await lockIt.ExecuteNonQueryAsync();
        }

        // Generous against a one-second bound; before it, the first waited 40 s and the second over a minute.
        var client = gateway.ClientFor("alice");
        client.Timeout = TimeSpan.FromSeconds(30);
        var answers = await Task.WhenAll(
            client.TriggerAsync(RunBodies.ValidScreen("/data/a"), "key-a"),
            client.TriggerAsync(RunBodies.ValidScreen("/data/b"), "key-b"));

        foreach (var answer in answers)
        {
            var problem = await answer.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/database-unavailable");
            answer.Headers.RetryAfter.ShouldNotBeNull();
        }

        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }
}
