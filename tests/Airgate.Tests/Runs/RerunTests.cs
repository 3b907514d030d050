using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

public sealed class RerunTests
{
    private static Task<HttpResponseMessage> RerunAsync(HttpClient client, JsonElement run, string? body, string query = "", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, RunBodies.RunPath(run) + "/rerun" + query);
        if (body is not null)
        {
            request.Content = RunBodies.Json(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    // {"pipelines": {"<kraken>": patch}, ...rest}: rest is more members, e.g. "note": "x".
    private static string KrakenPatch(string patch, string rest = "") =>
        "{\"pipelines\": {\"" + RunBodies.Kraken + "\": " + patch + "}" + rest + "}";

    private static async Task<JsonElement> TriggerAsync(Gateway gateway) =>
        await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Rerun_NoBody_StartsANewRunWithTheSameParametersAndRerunOf()
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);
        var oldId = old.GetProperty("dag_run_id").GetString();

        var response = await RerunAsync(gateway.Client, old, body: null);

        var answer = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var run = answer.GetProperty("run");
        run.GetProperty("dag_run_id").GetString().ShouldNotBe(oldId);
        run.GetProperty("rerun_of").GetString().ShouldBe(oldId);
        response.Headers.Location!.OriginalString.ShouldBe(RunBodies.RunPath(run));
        answer.GetProperty("changes").GetArrayLength().ShouldBe(0);
        run.GetProperty("pipelines")[0].GetProperty("parameters").ToString()
            .ShouldBe(old.GetProperty("pipelines")[0].GetProperty("parameters").ToString());
        gateway.Emulator.TriggerPosts().ShouldBe(2);
        var detail = await (await gateway.Client.GetAsync(RunBodies.RunPath(run))).ShouldBeJsonAsync();
        detail.GetProperty("rerun_of").GetString().ShouldBe(oldId);
        var listing = await (await gateway.Client.GetAsync(RunBodies.ScreenRuns)).ShouldBeJsonAsync();
        listing.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("rerun_of").ValueKind == JsonValueKind.Null ? null : r.GetProperty("rerun_of").GetString())
            .ShouldBe([oldId, null], ignoreOrder: true);
    }

    [Fact]
    public async Task Rerun_MergePatch_ChangesOnlyThePatchedParametersAndListsThemAsTheUsers()
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);

        var answer = await (await RerunAsync(gateway.Client, old, KrakenPatch("""{"outdir": "/data/fixed", "bracken_level": "G"}""", ", \"note\": \"fixed outdir\"")))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var parameters = answer.GetProperty("run").GetProperty("pipelines")[0].GetProperty("parameters");
        parameters.GetProperty("outdir").GetString().ShouldBe("/data/fixed");
        parameters.GetProperty("kraken2_db").GetString().ShouldBe("/db/k2");
        answer.GetProperty("run").GetProperty("note").GetString().ShouldBe("fixed outdir");
        var changes = answer.GetProperty("changes").EnumerateArray().ToList();
        changes.Select(c => c.GetProperty("pointer").GetString()).ShouldBe(["/outdir", "/bracken_level"], ignoreOrder: true);
        var outdir = changes.Single(c => c.GetProperty("pointer").GetString() == "/outdir");
        outdir.GetProperty("pipeline").GetString().ShouldBe(RunBodies.Kraken);
        outdir.GetProperty("old").GetString().ShouldBe("/data/out");
        outdir.GetProperty("new").GetString().ShouldBe("/data/fixed");
        outdir.GetProperty("by").GetString().ShouldBe("user");
        var conf = gateway.Emulator.Requests.Last(r => r.Method == "POST" && r.Path.EndsWith("/dagRuns", StringComparison.Ordinal)).Body;
        conf.ShouldContain("/data/fixed");
    }

    [Fact]
    public async Task Rerun_PatchRemovesARequiredParameterAndBreaksAnother_AnswersEveryErrorAndTriggersNothing()
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);

        var problem = await (await RerunAsync(gateway.Client, old, KrakenPatch("""{"kraken2_db": null, "min_confidence": 5}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("pointer").GetString()).ShouldBe(["/kraken2_db", "/min_confidence"], ignoreOrder: true);
        errors.ShouldAllBe(e => e.GetProperty("pipeline").GetString() == RunBodies.Kraken);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task Rerun_DryRun_AnswersConfAndChangesAndStartsNothing()
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);

        var answer = await (await RerunAsync(gateway.Client, old, KrakenPatch("""{"min_confidence": 0.5}"""), "?dry_run=true"))
            .ShouldBeJsonAsync();

        answer.GetProperty("conf").GetProperty("pipelineConfigs")[0].GetProperty("nextflowOptions").GetProperty("min_confidence").GetDouble().ShouldBe(0.5);
        answer.GetProperty("pipelines")[0].GetProperty("id").GetString().ShouldBe(RunBodies.Kraken);
        var change = answer.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("old").GetDouble().ShouldBe(0.1);
        change.GetProperty("new").GetDouble().ShouldBe(0.5);
        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task Rerun_SameIdempotencyKeyTwice_OneRunAndAnotherBodyIs422()
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);
        var body = KrakenPatch("""{"outdir": "/o2"}""");

        var first = await (await RerunAsync(gateway.Client, old, body, idempotencyKey: "rerun-1")).ShouldBeJsonAsync(HttpStatusCode.Created);
        var replay = await RerunAsync(gateway.Client, old, body, idempotencyKey: "rerun-1");
        var again = await replay.ShouldBeJsonAsync(HttpStatusCode.OK);
        var other = await (await RerunAsync(gateway.Client, old, KrakenPatch("""{"outdir": "/o3"}"""), idempotencyKey: "rerun-1"))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var trigger = await (await gateway.Client.TriggerAsync(RunBodies.ValidScreen(), "rerun-1")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        again.GetProperty("run").GetProperty("dag_run_id").GetString().ShouldBe(first.GetProperty("run").GetProperty("dag_run_id").GetString());
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        other.GetProperty("type").GetString().ShouldEndWith("idempotency-key-reused");
        trigger.GetProperty("type").GetString().ShouldEndWith("idempotency-key-reused");
        gateway.Emulator.TriggerPosts().ShouldBe(2);
    }

    [Fact]
    public async Task Rerun_AirflowParamsWorkflow_PatchesTheParams()
    {
        await using var gateway = Gateway.Start();
        var path = "/api/v1/workflows/reference_download/runs";
        var old = await (await gateway.Client.TriggerAsync(new JsonObject { ["params"] = new JsonObject { ["accession"] = "GCF_000005845.2" } }, path: path))
            .ShouldBeJsonAsync(HttpStatusCode.Created);

        var answer = await (await RerunAsync(gateway.Client, old, """{"params": {"mirror": "ena"}}""")).ShouldBeJsonAsync(HttpStatusCode.Created);
        var wrongForm = await (await RerunAsync(gateway.Client, old, KrakenPatch("""{}"""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var invalid = await (await RerunAsync(gateway.Client, old, """{"params": {"mirror": "ftp", "max_retries": 99}}""")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var run = answer.GetProperty("run");
        run.GetProperty("params").GetProperty("mirror").GetString().ShouldBe("ena");
        run.GetProperty("params").GetProperty("accession").GetString().ShouldBe("GCF_000005845.2");
        var change = answer.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("pipeline").ValueKind.ShouldBe(JsonValueKind.Null);
        change.GetProperty("pointer").GetString().ShouldBe("/params/mirror");
        change.GetProperty("by").GetString().ShouldBe("user");
        wrongForm.GetProperty("errors")[0].GetProperty("keyword").GetString().ShouldBe("wrong_form");
        invalid.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()).ShouldBe(["/params/mirror", "/params/max_retries"], ignoreOrder: true);
        gateway.Emulator.TriggerPosts("reference_download").ShouldBe(2);
    }

    [Fact]
    public async Task Rerun_RunStartedOutsideAirgate_Is409RerunUnavailableSayingWhy()
    {
        await using var gateway = Gateway.Start();
        gateway.Emulator.AddRun(new SeededRun { DagId = RunBodies.Screen, RunId = "outside", RunAfter = DateTimeOffset.UtcNow, State = "failed" });

        var problem = await (await gateway.Client.PostAsync(RunBodies.ScreenRuns + "/outside/rerun", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("type").GetString().ShouldEndWith("rerun-unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("not started through Airgate");
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }

    [Fact]
    public async Task Rerun_UnknownOrHiddenRun_Is404()
    {
        await using var gateway = Gateway.Start(options => options.Settings["Airgate:Auth:RunVisibility"] = "Own");
        var run = await (await gateway.ClientFor("alice").TriggerAsync(RunBodies.ValidScreen())).ShouldBeJsonAsync(HttpStatusCode.Created);

        await (await RerunAsync(gateway.ClientFor("bob"), run, body: null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await gateway.Client.PostAsync(RunBodies.ScreenRuns + "/no_such_run/rerun", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        gateway.Emulator.TriggerPosts().ShouldBe(1);
        var bobs = await (await RerunAsync(gateway.ClientFor("root", "admin"), run, body: null)).ShouldBeJsonAsync(HttpStatusCode.Created);
        bobs.GetProperty("run").GetProperty("triggered_by").GetProperty("id").GetString().ShouldBe("root");
    }

    [Theory]
    [InlineData("""{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/a"}, "bactopia-kraken2-3.2.0": {"outdir": "/b"}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": "/a"}}, "pipelines": {}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": []}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": "outdir=/a"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"bactopia-kraken2-3.2.0": [1, 2]}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"bactopia-kraken2-3.2.0": "/a"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"bactopia-kraken2-3.2.0": 7}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"no-such-pipeline-1.0": {"outdir": "/a"}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"../../etc/passwd": {}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"bactopia-amrfinderplus-3.2.0": {}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": {"bactopia-kraken2-3.2.0": {"outdir": 5}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"params": {"x": 1}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"params": 5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"note": 5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipeline": {}}""", HttpStatusCode.BadRequest)]
    [InlineData("""[]""", HttpStatusCode.BadRequest)]
    [InlineData("""5""", HttpStatusCode.BadRequest)]
    [InlineData("""{"pipelines": """, HttpStatusCode.BadRequest)]
    public async Task Rerun_HostileBody_Answers4xxAndTriggersNothing(string body, HttpStatusCode expected)
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);

        await (await RerunAsync(gateway.Client, old, body)).ShouldBeProblemAsync(expected);

        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task Rerun_HugeBodyOrWrongMediaTypeOrBadQuery_Answers4xxAndTriggersNothing()
    {
        await using var gateway = Gateway.Start();
        var old = await TriggerAsync(gateway);
        var huge = KrakenPatch("{\"outdir\": \"" + new string('a', 2 * 1024 * 1024) + "\"}");
        var path = RunBodies.RunPath(old) + "/rerun";

        await (await RerunAsync(gateway.Client, old, huge)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await gateway.Client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await RerunAsync(gateway.Client, old, "{}", "?dry_run=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await RerunAsync(gateway.Client, old, "{}", idempotencyKey: new string('k', 10_000))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await gateway.Client.PostAsync(RunBodies.ScreenRuns + "/bad%20id/rerun", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        gateway.Emulator.TriggerPosts().ShouldBe(1);
    }

    [Fact]
    public async Task Rerun_AfterTheProfilesDefaultChanged_ListsItAsChangedByDefaultAndDetailSaysSchemaChanged()
    {
        var registry = Directory.CreateTempSubdirectory("airgate-registry-");
        try
        {
            CopyDirectory(Path.Combine(RepositoryPaths.Root, "examples", "registry"), registry.FullName);
            await using var gateway = Gateway.Start(options => options.RegistryPath = registry.FullName);
            var old = await TriggerAsync(gateway);
            var before = await (await gateway.Client.GetAsync(RunBodies.RunPath(old))).ShouldBeJsonAsync();
            before.GetProperty("pipelines")[0].GetProperty("schema_changed").GetBoolean().ShouldBeFalse();
            before.GetProperty("pipelines")[0].GetProperty("schema_hash").GetString()!.Length.ShouldBe(64);

            var profile = Path.Combine(registry.FullName, "profiles", "bactopia", "bactopia-kraken2-3.2.0.json");
            var text = await File.ReadAllTextAsync(profile);
            await File.WriteAllTextAsync(profile, text.Replace("\"default\": 0.1", "\"default\": 0.25", StringComparison.Ordinal));
            var changes = await WaitForChangesAsync(gateway, old);

            var change = changes.Single();
            change.GetProperty("pointer").GetString().ShouldBe("/min_confidence");
            change.GetProperty("old").GetDouble().ShouldBe(0.1);
            change.GetProperty("new").GetDouble().ShouldBe(0.25);
            change.GetProperty("by").GetString().ShouldBe("default");
            var after = await (await gateway.Client.GetAsync(RunBodies.RunPath(old))).ShouldBeJsonAsync();
            after.GetProperty("pipelines")[0].GetProperty("schema_changed").GetBoolean().ShouldBeTrue();
        }
        finally
        {
            registry.Delete(recursive: true);
        }
    }

    // The registry reloads on a file event after a short quiet delay; wait for it (bounded), not for a fixed time.
    private static async Task<List<JsonElement>> WaitForChangesAsync(Gateway gateway, JsonElement old)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var answer = await (await RerunAsync(gateway.Client, old, body: null, "?dry_run=true")).ShouldBeJsonAsync();
            var changes = answer.GetProperty("changes").EnumerateArray().ToList();
            if (changes.Count > 0)
            {
                return changes;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The registry did not reload within 20 s.");
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
