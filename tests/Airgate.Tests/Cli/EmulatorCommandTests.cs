using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Airgate.Cli;

namespace Airgate.Tests.Cli;

/// <summary><c>airgate emulator</c>: the emulated Airflow alone, with its control API; bad arguments end with a message.</summary>
public sealed class EmulatorCommandTests
{
    [Theory]
    [InlineData("--api", "v3")]
    [InlineData("--api", "V1 ")]
    [InlineData("--dags", "/no/such/folder")]
    [InlineData("--registry", "/no/such/folder")]
    public async Task Emulator_BadArgument_ExitsWith2(string option, string value)
    {
        var exitCode = await EmulatorCommand.Create().Parse([option, value]).InvokeAsync();

        exitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Emulator_ApiV1_ServesAirflow2WithBasicAuthAndNoV2()
    {
        using var stop = new CancellationTokenSource();
        var running = EmulatorCommand.Create().Parse(["--urls", "http://127.0.0.1:5106", "--api", "v1"]).InvokeAsync(cancellationToken: stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5106/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:admin"u8));

        JsonObject? version = null;
        for (var i = 0; i < 200 && version is null; i++)
        {
            try
            {
                version = await http.GetFromJsonAsync<JsonObject>("api/v1/version");
            }
            catch (HttpRequestException)
            {
                // Waits for an outcome (listening), not a duration.
                await Task.Delay(50);
            }
        }

        var dags = await http.GetFromJsonAsync<JsonObject>("api/v1/dags");
        using var v2 = await http.GetAsync(new Uri("api/v2/version", UriKind.Relative));
        await stop.CancelAsync();

        version.ShouldNotBeNull()["version"]!.GetValue<string>().ShouldBe("2.10.0");
        dags.ShouldNotBeNull()["total_entries"]!.GetValue<int>().ShouldBeGreaterThan(0);
        v2.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await running).ShouldBe(0);
    }

    [Fact]
    public async Task Emulator_ManifestWhosePipelinesFailedToLoad_StartsAndServesItsDag()
    {
        var registry = Directory.CreateTempSubdirectory("airgate-registry-");
        try
        {
            // The profile is left out (its default fails its schema), so the manifest names no loaded pipeline.
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "p.json"), """{"id": "p-1.0", "name": "P", "version": "1.0", "parameters_schema": {"type": "object", "properties": {"n": {"type": "integer", "default": "x"}}}}""");
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "m.json"), """{"dag_id": "nfcore_sarek", "pipelines": ["p-1.0"]}""");
            using var stop = new CancellationTokenSource();
            var running = EmulatorCommand.Create().Parse(["--urls", "http://127.0.0.1:5107", "--api", "v1", "--registry", registry.FullName]).InvokeAsync(cancellationToken: stop.Token);
            using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5107/") };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:admin"u8));

            JsonObject? dag = null;
            for (var i = 0; i < 200 && dag is null && !running.IsCompleted; i++)
            {
                try
                {
                    dag = await http.GetFromJsonAsync<JsonObject>("api/v1/dags/nfcore_sarek");
                }
                catch (HttpRequestException)
                {
                    // Waits for an outcome (listening, or the command ending), not a duration.
                    await Task.Delay(50);
                }
            }

            await stop.CancelAsync();

            (await running).ShouldBe(0);
            dag.ShouldNotBeNull()["dag_id"]!.GetValue<string>().ShouldBe("nfcore_sarek");
        }
        finally
        {
            registry.Delete(recursive: true);
        }
    }

    [Fact]
    public void GeneratedDagFor_ManifestWithNoLoadedPipeline_HasOneTask()
    {
        var manifest = new Core.Manifests.WorkflowManifest { DagId = "nfcore_sarek", Pipelines = [] };

        var dag = DevCommand.GeneratedDagFor(manifest);

        dag.TaskIds.ShouldBe(["run"]);
        dag.Description.ShouldNotBeNull().ShouldContain("did not load");
    }

    [Fact]
    public async Task Emulator_Started_ServesAirflowAndTheControlApiUntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        var running = EmulatorCommand.Create().Parse(["--urls", "http://127.0.0.1:5104"]).InvokeAsync(cancellationToken: stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5104/") };

        JsonObject? version = null;
        for (var i = 0; i < 200 && version is null; i++)
        {
            try
            {
                version = await http.GetFromJsonAsync<JsonObject>("api/v2/version");
            }
            catch (HttpRequestException)
            {
                // Waits for an outcome (listening), not a duration.
                await Task.Delay(50);
            }
        }

        var counts = await http.GetFromJsonAsync<JsonObject>("_emulator/requests");
        await stop.CancelAsync();

        version.ShouldNotBeNull()["version"]!.GetValue<string>().ShouldBe("3.2.1");
        counts.ShouldNotBeNull()["by_operation"]!["GetVersion"]!.GetValue<int>().ShouldBe(1);
        (await running).ShouldBe(0);
    }
}
