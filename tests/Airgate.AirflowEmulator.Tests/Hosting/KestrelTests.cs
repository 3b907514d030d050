using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Airgate.Testing;

namespace Airgate.AirflowEmulator.Tests.Hosting;

public sealed class KestrelTests
{
    [Fact]
    public async Task StartAsync_PortZero_ServesOnTheReturnedAddress()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());

        var address = await emulator.StartAsync();
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync("api/v2/version");

        address.Port.ShouldBeGreaterThan(0);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_TokenFlowOverRealHttp_TriggersARun()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var client = new HttpClient { BaseAddress = await emulator.StartAsync() };

        using var login = await client.PostAsync("auth/token", new StringContent("""{"username": "admin", "password": "admin"}""", Encoding.UTF8, "application/json"));
        var token = System.Text.Json.Nodes.JsonNode.Parse(await login.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var trigger = await client.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var encoded = await client.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/manual__2026-01-15T09%3A00%3A00%2B00%3A00");
        using var slash = await client.GetAsync("api/v2/dags/a%2Fb");

        login.StatusCode.ShouldBe(HttpStatusCode.Created);
        trigger.StatusCode.ShouldBe(HttpStatusCode.OK);
        encoded.StatusCode.ShouldBe(HttpStatusCode.OK);
        slash.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await slash.Content.ReadAsStringAsync()).ShouldContain("Dag with id a/b was not found");
    }

    [Fact]
    public async Task LoseAnswer_OverKestrel_AbortsTheConnectionAfterCreatingTheRun()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var client = new HttpClient { BaseAddress = await emulator.StartAsync() };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueToken());
        emulator.Faults.LoseAnswer(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns");

        await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", new StringContent("""{"dag_run_id": "lost"}""", Encoding.UTF8, "application/json")));
        using var run = await client.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/lost");

        run.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions(), new ManualTimeProvider());
        await emulator.StartAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => emulator.StartAsync());
    }

    [Theory]
    [InlineData("api/v2/dags/%00")]
    [InlineData("api/v2/dags/..%2Fdags")]
    [InlineData("api/v2/dags/bactopia_species_screen%2F..%2Fnightly_cleanup")]
    public async Task HostileSegment_OverKestrel_IsRefusedWithoutServingAResource(string path)
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var client = new HttpClient { BaseAddress = await emulator.StartAsync() };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueToken());

        using var response = await client.GetAsync(path);

        // Kestrel itself answers 400 to a NUL in the path; everything else reaches the emulator and is a 404.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("\"dag_id\":");
    }

    [Fact]
    public async Task LongSegment_OverKestrel_IsRefusedWithoutServingAResource()
    {
        await using var emulator = new AirflowEmulator(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath }, new ManualTimeProvider());
        using var client = new HttpClient { BaseAddress = await emulator.StartAsync() };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueToken());

        using var response = await client.GetAsync("api/v2/dags/" + new string('a', 10_000));

        // Kestrel's request line limit (8 KiB) answers 414 before the emulator sees it.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task DisposeAsync_WithAHangingRequest_EndsItAndStops()
    {
        var emulator = new AirflowEmulator(new EmulatorOptions(), new ManualTimeProvider());
        using var client = new HttpClient { BaseAddress = await emulator.StartAsync() };
        emulator.Faults.Hang(HttpMethod.Get, "/api/v2/version");
        var hanging = client.GetAsync("api/v2/version");

        while (emulator.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        await emulator.DisposeAsync();

        await Should.ThrowAsync<Exception>(async () =>
        {
            using var response = await hanging;
            response.EnsureSuccessStatusCode();
        });
    }
}
