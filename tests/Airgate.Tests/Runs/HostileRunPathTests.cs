using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>Hostile ids in run paths are 4xx problems and never reach Airflow as other paths.</summary>
public sealed class HostileRunPathTests
{
    public static TheoryData<string> HostilePaths => new()
    {
        "/api/v1/workflows/%2E%2E%2E/runs",
        "/api/v1/workflows/a%2Fb/runs",
        "/api/v1/workflows/bactopia_species_screen/runs/%2E%2E%2E",
        "/api/v1/workflows/bactopia_species_screen/runs/a%2F..%2Fb",
        "/api/v1/workflows/bactopia_species_screen/runs/a%3Fstate%3Dx",
        "/api/v1/workflows/bactopia_species_screen/runs/run%01id",
        "/api/v1/workflows/bactopia_species_screen/runs/" + new string('r', 251),
        "/api/v1/workflows/bactopia_species_screen/runs/run%20id/tasks",
        "/api/v1/workflows/bactopia_species_screen/runs/ok/tasks/%2E%2E%2E",
        "/api/v1/workflows/bactopia_species_screen/runs/ok/tasks/a%23b",
        "/api/v1/workflows/~/runs/anything",
        "/api/v1/workflows/%7E%7E/runs",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task RunPaths_HostileId_Returns4xxProblemAndForwardsNothing(string path)
    {
        await using var gateway = Gateway.Start();

        var response = await gateway.Client.GetAsync(path);

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        await response.ShouldBeProblemAsync(response.StatusCode);
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path.Contains("dagRuns", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/workflows/%2E%2E%2E/runs")]
    [InlineData("/api/v1/workflows/bad%20id/runs")]
    public async Task TriggerRun_HostileDagId_Returns400AndTriggersNothing(string path)
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), path: path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        gateway.Emulator.Requests.ShouldNotContain(r => r.Method == "POST" && r.Path.Contains("dagRuns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRun_RunIdWithColonAndPlus_ReachesAirflowIntact()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.GetAsync(RunBodies.ScreenRuns + "/manual__2025-10-02T12%3A00%3A00%2B00%3A00")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Detail asks for the run and its task instances at the same time; the run's own GET is the one checked here.
        var forwarded = gateway.Emulator.Requests.Single(r => r.Path.StartsWith("/api/v2/dags/bactopia_species_screen/dagRuns/", StringComparison.Ordinal)
            && !r.Path.EndsWith("/taskInstances", StringComparison.Ordinal));
        Uri.UnescapeDataString(forwarded.Path).ShouldBe("/api/v2/dags/bactopia_species_screen/dagRuns/manual__2025-10-02T12:00:00+00:00");
    }
}
