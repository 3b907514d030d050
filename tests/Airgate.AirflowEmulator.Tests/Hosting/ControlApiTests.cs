using System.Net;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Hosting;

/// <summary>The control API under /_emulator/: faults by path prefix and count, bulk seeding, request counts.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task SeedRuns_Bulk_ListedBySpecCheckedApiWithUsersStatesDatesAndConf()
    {
        await using var h = EmulatorHarness.Create();
        var seeded = await h.PostAsync("_emulator/runs", """
            {"dag_id": "reference_download", "count": 250, "states": ["success", "failed"],
             "triggering_user_names": ["alice", "bob"], "start": "2026-01-01T00:00:00Z", "interval_seconds": 60, "user_in_conf": true}
            """, h.Unchecked);
        seeded.Status.ShouldBe(HttpStatusCode.Created, seeded.Text);

        var page = await h.GetAsync("api/v2/dags/~/dagRuns?limit=2&order_by=id");

        page.Json["total_entries"]!.GetValue<int>().ShouldBe(250);
        var first = page.Json["dag_runs"]![0]!;
        first["dag_run_id"]!.GetValue<string>().ShouldBe("seeded__0000000");
        first["triggering_user_name"]!.GetValue<string>().ShouldBe("alice");
        first["state"]!.GetValue<string>().ShouldBe("success");
        first["run_after"]!.GetValue<string>().ShouldBe("2026-01-01T00:00:00Z");
        first["conf"]!["triggering_user_name"]!.GetValue<string>().ShouldBe("alice");
        var second = page.Json["dag_runs"]![1]!;
        second["state"]!.GetValue<string>().ShouldBe("failed");
        second["triggering_user_name"]!.GetValue<string>().ShouldBe("bob");
    }

    [Fact]
    public async Task Fault_StatusForPrefixAndCount_AnswersThatManyThenRecovers()
    {
        await using var h = EmulatorHarness.Create();
        (await h.PostAsync("_emulator/faults", """{"kind": "status", "status": 503, "path_prefix": "/api/v2/dags", "count": 2, "retry_after_seconds": 7}""", h.Unchecked))
            .Status.ShouldBe(HttpStatusCode.Created);

        var answers = new List<JsonAnswer>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await h.GetAsync("api/v2/dags", h.Unchecked));
        }

        answers.Select(a => a.Status).ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        answers[0].Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        (await h.GetAsync("api/v2/version", h.Unchecked)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Fault_LoseAnswerAfterRunCreated_RunExistsAnyway()
    {
        await using var h = EmulatorHarness.Create();
        await h.PostAsync("_emulator/faults", """{"kind": "lose_answer", "method": "POST", "path_prefix": "/api/v2/dags/nightly_cleanup/dagRuns", "how": "gateway_timeout"}""", h.Unchecked);

        var trigger = await h.PostAsync("api/v2/dags/nightly_cleanup/dagRuns", """{"dag_run_id": "lost-one", "logical_date": null}""", h.Unchecked);

        trigger.Status.ShouldBe(HttpStatusCode.GatewayTimeout);
        (await h.GetAsync("api/v2/dags/nightly_cleanup/dagRuns/lost-one")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Fault_HangThenReset_HangsUntilTheClientGivesUpAndResetClearsIt()
    {
        await using var h = EmulatorHarness.Create();
        await h.PostAsync("_emulator/faults", """{"kind": "hang", "path_prefix": "/api/v2/dags", "count": 5}""", h.Unchecked);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => h.Unchecked.GetAsync("api/v2/dags", cancel.Token));
        (await h.SendAsync(HttpMethod.Delete, "_emulator/faults", null, h.Unchecked)).Status.ShouldBe(HttpStatusCode.NoContent);
        (await h.GetAsync("api/v2/dags")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Fault_LatencyWithCount_AnswersNormallyAfterTheDelay()
    {
        await using var h = EmulatorHarness.Create();
        await h.PostAsync("_emulator/faults", """{"kind": "latency", "latency_ms": 20, "path_prefix": "/api/v2/dags", "count": 1}""", h.Unchecked);

        (await h.GetAsync("api/v2/dags")).Status.ShouldBe(HttpStatusCode.OK);
        h.Emulator.Faults.LatencyFor("GET", "/api/v2/dags").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Requests_CountedByOperation_ControlCallsLeftOutAndClearable()
    {
        await using var h = EmulatorHarness.Create();
        await h.GetAsync("api/v2/dags");
        await h.GetAsync("api/v2/dags");
        await h.GetAsync("api/v2/dags/~/dagRuns");
        await h.PostAsync("_emulator/faults", """{"kind": "status", "status": 500, "path_prefix": "/api/v2/dags/~/dagRuns"}""", h.Unchecked);
        await h.GetAsync("api/v2/dags/~/dagRuns", h.Unchecked);
        await h.GetAsync("api/v2/no/such/route", h.Unchecked);

        var counts = await h.GetAsync("_emulator/requests", h.Unchecked);

        counts.Json["total"]!.GetValue<int>().ShouldBe(5);
        counts.Json["by_operation"]!["GetDags"]!.GetValue<int>().ShouldBe(2);
        counts.Json["by_operation"]!["GetDagRuns"]!.GetValue<int>().ShouldBe(2); // a faulted request still counts as its operation
        counts.Json["by_operation"]!["Unmatched"]!.GetValue<int>().ShouldBe(1);
        (await h.SendAsync(HttpMethod.Delete, "_emulator/requests", null, h.Unchecked)).Status.ShouldBe(HttpStatusCode.NoContent);
        (await h.GetAsync("_emulator/requests", h.Unchecked)).Json["total"]!.GetValue<int>().ShouldBe(0);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "_emulator/faults", """{"kind": "explode"}""" },
        { "_emulator/faults", """{"kind": "status"}""" },
        { "_emulator/faults", """{"kind": "status", "status": 999}""" },
        { "_emulator/faults", """{"kind": "hang", "count": 0}""" },
        { "_emulator/faults", """{"kind": "hang", "path_prefix": "api"}""" },
        { "_emulator/faults", """{"kind": "latency", "latency_ms": -1}""" },
        { "_emulator/faults", """{"kind": "lose_answer", "how": "sideways"}""" },
        { "_emulator/faults", """{"kind": "hang", "colour": "red"}""" },
        { "_emulator/faults", """{"kind": "hang", "count": "2"}""" },
        { "_emulator/faults", """not json""" },
        { "_emulator/faults", """null""" },
        { "_emulator/runs", """{"dag_id": "no_such_dag"}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "count": 0}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "states": ["exploded"]}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "states": []}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "triggering_user_names": []}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "run_id_prefix": "a/b"}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "interval_seconds": -5}""" },
        { "_emulator/runs", """{"dag_id": "reference_download", "start": "yesterday"}""" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Control_BadBody_400WithDetail(string path, string body)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.PostAsync(path, body, h.Unchecked);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Text);
        answer.Detail.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task SeedRuns_SamePrefixTwice_409()
    {
        await using var h = EmulatorHarness.Create();
        const string body = """{"dag_id": "reference_download", "count": 3}""";
        (await h.PostAsync("_emulator/runs", body, h.Unchecked)).Status.ShouldBe(HttpStatusCode.Created);

        (await h.PostAsync("_emulator/runs", body, h.Unchecked)).Status.ShouldBe(HttpStatusCode.Conflict);
    }
}
