using System.Net;
using Airgate.Tests.Infrastructure;
using Airgate.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Airgate.Tests.Workflows;

public sealed class CatalogCacheTests
{
    [Theory]
    [InlineData("/api/v1/workflows")]
    [InlineData("/api/v1/workflows/bactopia_species_screen")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/tasks")]
    [InlineData("/api/v1/workflows/bactopia_species_screen/tasks/run_kraken2")]
    public async Task CatalogRead_Warm_MakesNoAirflowCall(string path)
    {
        await using var gateway = Gateway.Start();
        (await gateway.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Emulator.ClearRequests();

        for (var i = 0; i < 5; i++)
        {
            (await gateway.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        gateway.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task CatalogRead_AfterRefresh_SeesAirflowChanges()
    {
        await using var gateway = Gateway.Start();
        var before = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_species_screen")).ShouldBeJsonAsync();
        before.GetProperty("is_paused").GetBoolean().ShouldBeFalse();
        gateway.Emulator.SetPaused("bactopia_species_screen", true);

        var cached = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_species_screen")).ShouldBeJsonAsync();
        await gateway.Services.GetRequiredService<CatalogCache>().RefreshAsync(CancellationToken.None);
        var refreshed = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_species_screen")).ShouldBeJsonAsync();

        cached.GetProperty("is_paused").GetBoolean().ShouldBeFalse();
        refreshed.GetProperty("is_paused").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task CatalogRead_AirflowDownAfterWarmUp_StillAnswersFromCache()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Airflow:MaxRetries"] = "0");
        (await gateway.Client.GetAsync("/api/v1/workflows")).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Get, "/api/v2/dags", 500, count: 100);

        await gateway.Services.GetRequiredService<CatalogCache>().RefreshAsync(CancellationToken.None);
        var response = await gateway.Client.GetAsync("/api/v1/workflows");

        (await response.ShouldBeJsonAsync()).GetProperty("total_entries").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CatalogRead_UnknownTask_Is404Problem()
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows/bactopia_species_screen/tasks/no_such_task")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("no_such_task");
    }
}
