using System.Net;
using System.Text.Json;
using Airgate.Runs.Mirror;
using Airgate.Storage.Availability;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;
using Airgate.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Airgate.Tests.Health;

/// <summary>
/// A database that is unreachable at start or refuses writes: the process starts, is not ready saying why (the setting
/// and the server, never the password), answers 503 problems, retries with backoff on its clock, and becomes ready.
/// </summary>
public sealed class DatabaseAvailabilityTests
{
    private const string DatabaseUnavailable = "https://airgate.dev/problems/database-unavailable";
    private const string DatabaseReadOnly = "https://airgate.dev/problems/database-read-only";
    private const string Key = "Airgate:Database:ConnectionString";

    [Fact]
    public async Task Start_SqliteFolderMissingThenCreated_NotReadyAnd503ThenRetriedWithBackoffUntilReady()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"airgate-missing-{Guid.NewGuid():N}");
        var clock = new SteppedClock();
        try
        {
            await using var gateway = Gateway.Start(options =>
            {
                options.Settings[Key] = $"Data Source={Path.Combine(folder, "airgate.db")}";
                options.ConfigureServices = services => UseClock(services, clock);
            });

            (await gateway.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var database = await DatabaseCheckAsync(gateway, HttpStatusCode.ServiceUnavailable);
            database.GetProperty("status").GetString().ShouldBe("unhealthy");
            database.GetProperty("detail").ToString().ShouldContain($"{Key} (SQLite file {Path.Combine(folder, "airgate.db")})");
            await TriggerShouldBe503Async(gateway, DatabaseUnavailable);

            // Capped exponential backoff on the injected clock: 1 s, then 2 s, then 4 s; still one warning.
            clock.PendingDelays().ShouldContain(TimeSpan.FromSeconds(1));
            clock.Advance(TimeSpan.FromSeconds(1));
            await WaitUntilAsync(() => clock.PendingDelays().Contains(TimeSpan.FromSeconds(2)));
            clock.Advance(TimeSpan.FromSeconds(2));
            await WaitUntilAsync(() => clock.PendingDelays().Contains(TimeSpan.FromSeconds(4)));
            var warning = AvailabilityLogs(gateway).ShouldHaveSingleItem();
            warning.Level.ShouldBe(LogLevel.Warning);
            warning.Message.ShouldContain(Key);
            warning.Exception.ShouldBeNull("an expected condition is one line, no stack trace");

            Directory.CreateDirectory(folder);
            clock.Advance(TimeSpan.FromSeconds(4));
            await WaitUntilAsync(() => gateway.Services.GetRequiredService<DatabaseAvailability>().IsMigrated);

            (await DatabaseCheckAsync(gateway, expected: null)).GetProperty("status").GetString().ShouldBe("healthy");
            (await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/after"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            await WaitUntilAsync(() => gateway.Services.GetRequiredService<MirrorLeadership>().IsLeader);
            AvailabilityLogs(gateway).Select(l => l.Level).ShouldBe([LogLevel.Warning, LogLevel.Information]);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [PostgresFact(ownServer: true)]
    public async Task Start_PostgresPortClosedThenServerStarted_NotReadyNamingHostPortNotPasswordThenReady()
    {
        await using var postgres = await PrivatePostgres.CreateStoppedAsync(port: 5102);
        var clock = new SteppedClock();
        await using var gateway = Gateway.Start(options =>
        {
            options.Settings["Airgate:Database:Provider"] = "Postgres";
            // Trust authentication ignores the password: it is here only to prove it never shows.
            options.Settings[Key] = postgres.ConnectionString + ";Password=pg-Secret-77";
            options.ConfigureServices = services => UseClock(services, clock);
        });

        (await gateway.Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var database = await DatabaseCheckAsync(gateway, HttpStatusCode.ServiceUnavailable);
        database.GetProperty("detail").ToString().ShouldContain($"{Key} (PostgreSQL at 127.0.0.1:5102, database postgres)");
        await TriggerShouldBe503Async(gateway, DatabaseUnavailable);
        (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var warning = AvailabilityLogs(gateway).ShouldHaveSingleItem();
        warning.Message.ShouldContain("127.0.0.1:5102");
        warning.Message.ShouldContain(Key);
        gateway.Logs.AllText.ShouldNotContain("pg-Secret-77");
        gateway.Logs.AllText.ShouldNotContain("NpgsqlException", customMessage: "no stack trace for an expected condition");

        await postgres.StartAsync();
        await WaitUntilAsync(() =>
        {
            clock.Advance(DatabaseStartup.MaxRetryDelay);
            return gateway.Services.GetRequiredService<DatabaseAvailability>().IsMigrated;
        });

        (await DatabaseCheckAsync(gateway, expected: null)).GetProperty("status").GetString().ShouldBe("healthy");
        (await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/after"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitUntilAsync(() => gateway.Services.GetRequiredService<MirrorLeadership>().IsLeader);
        gateway.Logs.AllText.ShouldNotContain("pg-Secret-77");
    }

    [PostgresFact]
    public async Task Trigger_DatabaseReadOnly_503DatabaseReadOnlyAndNotReadyUntilWritableAgain()
    {
        var connectionString = await TestDatabases.CreateAsync();
        try
        {
            await using var gateway = Gateway.Start(options =>
            {
                options.Settings["Airgate:Database:Provider"] = "Postgres";
                // ALTER DATABASE ... SET reaches new sessions only: unpooled, every operation is one.
                options.Settings[Key] = connectionString + ";Pooling=false";
            });
            (await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/before"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var postsBefore = gateway.Emulator.TriggerPosts();

            await SetReadOnlyAsync(connectionString, on: true);
            var problem = await TriggerShouldBe503Async(gateway, DatabaseReadOnly);
            problem.GetProperty("detail").ToString().ShouldContain("accepts reads but refuses writes");
            gateway.Emulator.TriggerPosts().ShouldBe(postsBefore, "nothing reaches Airflow that Airgate cannot record");
            var database = await DatabaseCheckAsync(gateway, HttpStatusCode.ServiceUnavailable);
            database.GetProperty("detail").ToString().ShouldContain("read-only");
            (await gateway.Client.GetAsync("/api/v1/workflows/~/runs")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads still work");

            await SetReadOnlyAsync(connectionString, on: false);
            (await DatabaseCheckAsync(gateway, expected: null)).GetProperty("status").GetString().ShouldBe("healthy");
            (await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/after"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            AvailabilityLogs(gateway).Count(l => l.Level == LogLevel.Warning).ShouldBe(1);
        }
        finally
        {
            await TestDatabases.DropAsync(connectionString);
        }
    }

    /// <summary>Turns the test's own database read-only (never the shared one); new sessions see it.</summary>
    internal static async Task SetReadOnlyAsync(string connectionString, bool on)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabases.ServerVariable));
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = {(on ? "on" : "off")}", admin);
        await alter.ExecuteNonQueryAsync();
    }

    private static void UseClock(IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
    }

    private static List<CapturedLog> AvailabilityLogs(Gateway gateway) =>
        [.. gateway.Logs.Entries.Where(e => e.Category == typeof(DatabaseAvailability).FullName && e.Level >= LogLevel.Information)];

    private static async Task<JsonElement> TriggerShouldBe503Async(Gateway gateway, string type)
    {
        var response = await gateway.Client.TriggerAsync(RunBodies.ValidScreen("/data/refused"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("type").GetString().ShouldBe(type);
        response.Headers.RetryAfter.ShouldNotBeNull();
        return problem;
    }

    private static async Task<JsonElement> DatabaseCheckAsync(Gateway gateway, HttpStatusCode? expected)
    {
        var response = await gateway.Client.GetAsync("/health/ready");
        if (expected is { } status)
        {
            response.StatusCode.ShouldBe(status);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").GetProperty("database").Clone();
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
