using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

public sealed class TriggerRunTests
{
    [Fact]
    public async Task TriggerRun_ValidParameters_Returns201WithLocationAndRun()
    {
        await using var gateway = Gateway.Start();

        var response = await gateway.Client.TriggerAsync(RunBodies.ValidScreen());

        var run = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var runId = run.GetProperty("dag_run_id").GetString()!;
        runId.ShouldMatch("^airgate__[0-9]{8}T[0-9]{6}_[0-9a-f]{12}$");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/workflows/bactopia_species_screen/runs/{Uri.EscapeDataString(runId)}");
        run.GetProperty("state").GetString().ShouldBe("queued");
        run.GetProperty("triggered_by").GetProperty("id").GetString().ShouldBe("dev");
        run.GetProperty("note").GetString().ShouldBe("first screen");
        var pipeline = run.GetProperty("pipelines")[0];
        pipeline.GetProperty("id").GetString().ShouldBe(RunBodies.Kraken);
        pipeline.GetProperty("parameters").GetProperty("min_confidence").GetDouble().ShouldBe(0.1);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task TriggerRun_ClockAdvances_RunProgressesAndTasksSucceedInOrder()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        var path = RunBodies.RunPath(run);

        (await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync()).GetProperty("state").GetString().ShouldBe("queued");
        clock.Advance(TimeSpan.FromSeconds(10));
        var running = await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync();
        running.GetProperty("state").GetString().ShouldBe("running");
        running.GetProperty("summary").GetProperty("progress").GetDouble().ShouldBeLessThan(1);
        clock.Advance(TimeSpan.FromMinutes(10));

        var done = await (await gateway.Client.GetAsync(path)).ShouldBeJsonAsync();
        done.GetProperty("state").GetString().ShouldBe("success");
        done.GetProperty("triggered_by").GetProperty("name").GetString().ShouldBe("dev");
        var summary = done.GetProperty("summary");
        summary.GetProperty("total").GetInt32().ShouldBe(3);
        summary.GetProperty("finished").GetInt32().ShouldBe(3);
        summary.GetProperty("progress").GetDouble().ShouldBe(1);
        summary.GetProperty("needs_attention").GetBoolean().ShouldBeFalse();
        summary.GetProperty("by_state").GetProperty("success").GetInt32().ShouldBe(3);

        var tasks = await (await gateway.Client.GetAsync(path + "/tasks")).ShouldBeJsonAsync();
        tasks.GetProperty("total_entries").GetInt32().ShouldBe(3);
        var instances = tasks.GetProperty("task_instances").EnumerateArray().ToList();
        var ends = instances.ToDictionary(t => t.GetProperty("task_id").GetString()!, t => t.GetProperty("end_date").GetDateTimeOffset());
        ends["prepare_samples"].ShouldBeLessThan(ends["run_kraken2"]);
        ends["run_kraken2"].ShouldBeLessThan(ends["publish_report"]);
    }

    [Fact]
    public async Task TriggerRun_TaskFails_SummaryNeedsAttention()
    {
        var clock = new ManualTimeProvider();
        await using var gateway = Gateway.Start(options => options.Clock = clock);
        gateway.Emulator.Faults.FailTask(RunBodies.Screen, "run_kraken2");
        var run = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromMinutes(10));

        var detail = await (await gateway.Client.GetAsync(RunBodies.RunPath(run))).ShouldBeJsonAsync();

        detail.GetProperty("state").GetString().ShouldBe("failed");
        var summary = detail.GetProperty("summary");
        summary.GetProperty("needs_attention").GetBoolean().ShouldBeTrue();
        summary.GetProperty("by_state").GetProperty("failed").GetInt32().ShouldBe(1);
        summary.GetProperty("by_state").GetProperty("upstream_failed").GetInt32().ShouldBe(1);
        var one = await (await gateway.Client.GetAsync(RunBodies.RunPath(run) + "/tasks/run_kraken2")).ShouldBeJsonAsync();
        one.GetProperty("total_entries").GetInt32().ShouldBe(1);
        one.GetProperty("task_instances")[0].GetProperty("state").GetString().ShouldBe("failed");
    }

    [Fact]
    public async Task TriggerRun_ClientSendsIdentityBlock_ItIsReplacedInTheConfAirflowReceives()
    {
        await using var gateway = Gateway.Start();
        var body = RunBodies.ValidScreen();
        body["airgate"] = new JsonObject { ["triggering_user_id"] = "mallory" };

        await (await gateway.ClientFor("alice").TriggerAsync(body)).ShouldBeJsonAsync(HttpStatusCode.Created);

        var post = gateway.Emulator.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/dagRuns", StringComparison.Ordinal));
        var conf = JsonNode.Parse(post.Body)!["conf"]!;
        conf["airgate"]!["triggering_user_id"]!.GetValue<string>().ShouldBe("alice");
        post.Body.ShouldNotContain("mallory");
        conf["pipelineConfigs"]![0]!["pipelineId"]!.GetValue<string>().ShouldBe(RunBodies.Kraken);
    }

    [Fact]
    public async Task TriggerRun_DryRun_Returns200WithConfAndTriggersNothing()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), path: RunBodies.ScreenRuns + "?dry_run=true")).ShouldBeJsonAsync();

        var conf = body.GetProperty("conf");
        conf.GetProperty("pipelineConfigs")[0].GetProperty("pipelineId").GetString().ShouldBe(RunBodies.Kraken);
        conf.GetProperty("pipelineConfigs")[0].GetProperty("nextflowOptions").GetProperty("max_cpus").GetInt32().ShouldBe(4);
        conf.GetProperty("pipelineConfigs")[0].GetProperty("nextflowOptionsCli").GetString().ShouldNotBeNullOrEmpty();
        conf.GetProperty("airgate").GetProperty("triggering_user_id").GetString().ShouldBe("dev");
        body.GetProperty("pipelines")[0].GetProperty("id").GetString().ShouldBe(RunBodies.Kraken);
        gateway.Emulator.TriggerPosts().ShouldBe(0);
        var list = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        list.GetProperty("total_entries").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_CompatibleForm_Returns201()
    {
        await using var gateway = Gateway.Start();
        var body = new JsonObject
        {
            ["pipelineConfigs"] = new JsonArray(new JsonObject
            {
                ["pipelineId"] = RunBodies.Kraken,
                ["nextflowOptions"] = RunBodies.ValidScreen()["pipelines"]![RunBodies.Kraken]!.DeepClone(),
            }),
        };

        await (await gateway.Client.TriggerAsync(body)).ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TriggerRun_UnknownWorkflow_Returns404AndRecordsNothing()
    {
        await using var gateway = Gateway.Start();

        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), path: "/api/v1/workflows/no_such_dag/runs")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        gateway.Emulator.Requests.ShouldNotContain(r => r.Method == "POST" && r.Path.Contains("dagRuns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TriggerRun_AirflowParamsValid_Returns201WithParams()
    {
        await using var gateway = Gateway.Start();
        var body = new JsonObject { ["params"] = new JsonObject { ["accession"] = "GCF_000005845.2" } };

        var run = await (await gateway.Client.TriggerAsync(body, path: "/api/v1/workflows/reference_download/runs")).ShouldBeJsonAsync(HttpStatusCode.Created);

        run.GetProperty("params").GetProperty("accession").GetString().ShouldBe("GCF_000005845.2");
        run.GetProperty("params").GetProperty("mirror").GetString().ShouldBe("ncbi");
        var post = gateway.Emulator.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/dagRuns", StringComparison.Ordinal));
        JsonNode.Parse(post.Body)!["conf"]!["accession"]!.GetValue<string>().ShouldBe("GCF_000005845.2");
    }

    [Fact]
    public async Task TriggerRun_AirflowParamsInvalid_Returns400WithEveryError()
    {
        await using var gateway = Gateway.Start();
        var body = new JsonObject
        {
            ["params"] = new JsonObject { ["accession"] = "nope", ["max_retries"] = 11, ["mirror"] = "ftp", ["include_plasmids"] = "yes" },
        };

        var problem = await (await gateway.Client.TriggerAsync(body, path: "/api/v1/workflows/reference_download/runs")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/invalid-parameters");
        var keywords = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("keyword").GetString()).ToList();
        keywords.ShouldBe(["pattern", "maximum", "enum", "type"], ignoreOrder: true);
        gateway.Emulator.TriggerPosts("reference_download").ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_AirflowRejects_Returns400AndRunIsNotListed()
    {
        await using var gateway = Gateway.Start();
        gateway.Emulator.Faults.RespondWithStatus(HttpMethod.Post, "/api/v2/dags/bactopia_species_screen/dagRuns", 400);

        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/airflow-rejected");
        var list = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        list.GetProperty("total_entries").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_AirflowParamsDryRun_Returns200WithFilledConf()
    {
        await using var gateway = Gateway.Start();
        var body = new JsonObject { ["params"] = new JsonObject { ["accession"] = "GCF_000005845.2" } };

        var dry = await (await gateway.Client.TriggerAsync(body, path: "/api/v1/workflows/reference_download/runs?dry_run=true")).ShouldBeJsonAsync();

        dry.GetProperty("conf").GetProperty("max_retries").GetInt32().ShouldBe(3);
        dry.GetProperty("conf").GetProperty("airgate").GetProperty("triggering_user_id").GetString().ShouldBe("dev");
        dry.GetProperty("params").GetProperty("mirror").GetString().ShouldBe("ncbi");
        gateway.Emulator.TriggerPosts("reference_download").ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_WorkflowWithoutParameters_EmptyObjectStartsRun()
    {
        await using var gateway = Gateway.Start();

        var run = await (await gateway.Client.TriggerAsync(new JsonObject(), path: "/api/v1/workflows/nightly_cleanup/runs")).ShouldBeJsonAsync(HttpStatusCode.Created);

        run.GetProperty("pipelines").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task TriggerRun_LogicalDate_SentToAirflow()
    {
        await using var gateway = Gateway.Start();
        var body = RunBodies.ValidScreen();
        body["logical_date"] = "2026-03-01T12:00:00Z";

        var run = await (await gateway.Client.TriggerAsync(body)).ShouldBeJsonAsync(HttpStatusCode.Created);

        run.GetProperty("logical_date").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task TriggerRun_DryRunNotBoolean_Returns400()
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), path: RunBodies.ScreenRuns + "?dry_run=yes")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("dry_run");
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }
}
