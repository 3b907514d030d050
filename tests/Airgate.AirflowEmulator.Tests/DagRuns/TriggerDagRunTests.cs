using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.DagRuns;

public sealed class TriggerDagRunTests
{
    private const string ValidReference = """{"logical_date": null, "conf": {"accession": "GCF_000005845.2"}}""";

    [Fact]
    public async Task Trigger_MinimalBody_Returns200WithQueuedManualRun()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", """{"logical_date": null}""");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        var run = answer.Json;
        run["dag_run_id"]!.GetValue<string>().ShouldBe("manual__2026-01-15T09:00:00+00:00");
        run["state"]!.GetValue<string>().ShouldBe("queued");
        run["run_type"]!.GetValue<string>().ShouldBe("manual");
        run["triggered_by"]!.GetValue<string>().ShouldBe("rest_api");
        run["triggering_user_name"]!.GetValue<string>().ShouldBe("admin");
        run["run_after"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:00Z");
        run["queued_at"]!.GetValue<string>().ShouldBe("2026-01-15T09:00:00Z");
        run["logical_date"].ShouldBeNull();
        run["start_date"].ShouldBeNull();
        run["conf"]!.AsObject().Count.ShouldBe(0);
        h.Emulator.Requests.Count(r => r.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task Trigger_FullBody_KeepsRunIdConfNoteAndDates()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", """
            {"dag_run_id": "airgate:42+retry", "logical_date": "2026-01-10T00:00:00+00:00", "conf": {"samples": ["s1", "s2"]}, "note": "from airgate"}
            """);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["dag_run_id"]!.GetValue<string>().ShouldBe("airgate:42+retry");
        answer.Json["logical_date"]!.GetValue<string>().ShouldBe("2026-01-10T00:00:00Z");
        answer.Json["data_interval_start"]!.GetValue<string>().ShouldBe("2026-01-10T00:00:00Z");
        answer.Json["conf"]!["samples"]!.AsArray().Count.ShouldBe(2);
        answer.Json["note"]!.GetValue<string>().ShouldBe("from airgate");
    }

    [Fact]
    public async Task Trigger_TokenOfAnotherUser_RecordsThatUserAsTriggering()
    {
        await using var h = EmulatorHarness.Create();
        using var client = h.NewClient(h.Emulator.IssueToken("svc-airgate"), check: true);

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", "{}", client);

        answer.Json["triggering_user_name"]!.GetValue<string>().ShouldBe("svc-airgate");
    }

    [Fact]
    public async Task Trigger_UnknownField_Returns422ExtraForbidden()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", """{"logical_date": null, "execution_date": "2026-01-01T00:00:00Z"}""");

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = answer.Json["detail"]![0]!;
        problem["type"]!.GetValue<string>().ShouldBe("extra_forbidden");
        problem["loc"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["body", "execution_date"]);
        problem["msg"]!.GetValue<string>().ShouldBe("Extra inputs are not permitted");
        problem["input"]!.GetValue<string>().ShouldBe("2026-01-01T00:00:00Z");
        (await RunCount(h, "bactopia_species_screen")).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"conf": "samples=1"}""", "dict_type", "conf")]
    [InlineData("""{"conf": [1, 2]}""", "dict_type", "conf")]
    [InlineData("""{"logical_date": "2026-01-10T00:00:00"}""", "timezone_aware", "logical_date")]
    [InlineData("""{"logical_date": "yesterday"}""", "datetime_from_date_parsing", "logical_date")]
    [InlineData("""{"dag_run_id": 7}""", "string_type", "dag_run_id")]
    public async Task Trigger_InvalidField_Returns422NamingIt(string body, string type, string field)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", body);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = answer.Json["detail"]![0]!;
        problem["type"]!.GetValue<string>().ShouldBe(type);
        problem["loc"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["body", field]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task Trigger_BodyNotAnObject_Returns422(string body)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", body);

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        answer.Json["detail"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("run id with spaces")]
    [InlineData("run/slash")]
    [InlineData("é")]
    public async Task Trigger_RunIdOutsidePattern_Returns400(string runId)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", new JsonObject { ["dag_run_id"] = runId }.ToJsonString());

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail!.ShouldStartWith($"The run_id provided '{runId}' does not match regex pattern");
    }

    [Fact]
    public async Task Trigger_DuplicateRunId_Returns409WithObjectDetailAndKeepsOneRun()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen", """{"dag_run_id": "once"}""");

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", """{"dag_run_id": "once"}""");

        answer.Status.ShouldBe(HttpStatusCode.Conflict);
        answer.Json["detail"]!["reason"]!.GetValue<string>().ShouldBe("Unique constraint violation");
        answer.Json["detail"]!.AsObject().ContainsKey("dag_run_id").ShouldBeFalse();
        (await RunCount(h, "bactopia_species_screen")).ShouldBe(1);
    }

    [Fact]
    public async Task Trigger_SameIdOnAnotherDag_IsAllowed()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen", """{"dag_run_id": "shared"}""");

        var answer = await h.PostAsync("api/v2/dags/bactopia_amr_analysis/dagRuns", """{"dag_run_id": "shared"}""");

        answer.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Trigger_UnknownDag_Returns404()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/ghost/dagRuns", "{}");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("DAG with dag_id: 'ghost' not found");
    }

    public static TheoryData<string, string> ParamFailures => new()
    {
        { """{}""", "Invalid input for param accession: None is not of type 'string'" },
        { """{"accession": "GCF_12"}""", "Invalid input for param accession: 'GCF_12' does not match '^GC[AF]_[0-9]{9}\\\\.[0-9]+$'" },
        { """{"accession": "GCF_000005845.2", "include_plasmids": "yes"}""", "Invalid input for param include_plasmids: 'yes' is not of type 'boolean'" },
        { """{"accession": "GCF_000005845.2", "max_retries": 11}""", "Invalid input for param max_retries: 11 is greater than the maximum of 10" },
        { """{"accession": "GCF_000005845.2", "max_retries": -1}""", "Invalid input for param max_retries: -1 is less than the minimum of 0" },
        { """{"accession": "GCF_000005845.2", "max_retries": 2.5}""", "Invalid input for param max_retries: 2.5 is not of type 'integer'" },
        { """{"accession": "GCF_000005845.2", "mirror": "s3"}""", "Invalid input for param mirror: 's3' is not one of ['ncbi', 'ena']" },
        { """{"max_retries": 99, "mirror": "s3"}""", "Invalid input for param accession: None is not of type 'string'" },
    };

    [Theory]
    [MemberData(nameof(ParamFailures))]
    public async Task Trigger_ParamFails_Returns400NamingTheFirstFailingParam(string conf, string expectedStart)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/reference_download/dagRuns", $$"""{"logical_date": null, "conf": {{conf}}}""");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail!.ShouldStartWith(expectedStart);
        (await RunCount(h, "reference_download")).ShouldBe(0);
    }

    [Fact]
    public async Task Trigger_ValidParams_StoresConfAsGiven()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/reference_download/dagRuns", ValidReference);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["conf"]!.ToJsonString().ShouldBe("""{"accession":"GCF_000005845.2"}""");
    }

    [Fact]
    public async Task Trigger_PausedDag_Succeeds()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync("api/v2/dags/nightly_cleanup/dagRuns", "{}");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["state"]!.GetValue<string>().ShouldBe("queued");
    }

    [Fact]
    public async Task Trigger_SameInstantTwiceWithoutRunId_Returns409()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen");

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", "{}");

        // Airflow's generated id is manual__<now>: two triggers in the same microsecond collide.
        answer.Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Trigger_SameLogicalDateTwice_Returns409()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen", """{"dag_run_id": "a", "logical_date": "2026-01-01T00:00:00Z"}""");

        var answer = await h.PostAsync("api/v2/dags/bactopia_species_screen/dagRuns", """{"dag_run_id": "b", "logical_date": "2026-01-01T00:00:00+00:00"}""");

        answer.Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Trigger_RunAfterInTheFuture_StaysQueuedUntilThen()
    {
        await using var h = EmulatorHarness.Create();
        var runId = await h.TriggerAsync("bactopia_species_screen", """{"run_after": "2026-01-15T10:00:00Z"}""");

        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var before = await h.RunStateAsync("bactopia_species_screen", runId);
        h.Clock.Advance(TimeSpan.FromMinutes(31));

        runId.ShouldBe("manual__2026-01-15T10:00:00+00:00");
        before.ShouldBe("queued");
        (await h.RunStateAsync("bactopia_species_screen", runId)).ShouldBe("success");
    }

    private static async Task<int> RunCount(EmulatorHarness h, string dagId) =>
        (await h.GetAsync($"api/v2/dags/{dagId}/dagRuns")).Json["total_entries"]!.GetValue<int>();
}
