using System.Net;
using Airgate.Airflow.Models;
using Airgate.Airflow.Tests.Contract;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

public sealed class EncodingTests
{
    private static readonly string LongId = new('x', 10_000);

    public static TheoryData<string, string> HostileIds => new()
    {
        { "a/b", "a%2Fb" },
        { "%2F", "%252F" },
        { "..", "%2E%2E" },
        { ".", "%2E" },
        { "a%00", "a%2500" },
        { "a?b#c", "a%3Fb%23c" },
        { "a b", "a%20b" },
        { "dag-é漢😀", "dag-%C3%A9%E6%BC%A2%F0%9F%98%80" },
        { "manual__2025-10-02T12:00:00+00:00", "manual__2025-10-02T12%3A00%3A00%2B00%3A00" },
        { "~", "~" },
        { LongId, LongId },
    };

    public static TheoryData<string> RejectedIds => new() { string.Empty, "a\0b", "a\nb", "a\rb", "tab\t", "del\u007f", "c1\u0085" };

    private static AirflowTestHost HostAnsweringEverything()
    {
        var host = AirflowTestHost.WithStaticToken();
        host.Mock.Fallback.Respond(request => AirflowTestHost.Json(HttpStatusCode.OK, request.RequestUri?.AbsolutePath.EndsWith("/details", StringComparison.Ordinal) == true
            ? AirflowSamples.DagDetails("any")
            : AirflowSamples.DagRun("any", "any")));
        return host;
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task GetDagRun_HostileRunId_EncodedAsOneSegment(string runId, string encoded)
    {
        using var host = HostAnsweringEverything();

        var result = await host.Client.GetDagRunAsync("etl", runId);

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        var sent = host.ApiRequests.ShouldHaveSingleItem();
        sent.Uri.AbsolutePath.ShouldBe($"/api/v2/dags/etl/dagRuns/{encoded}");
        sent.Uri.AbsoluteUri.ShouldBe($"{AirflowTestHost.BaseUrl}/api/v2/dags/etl/dagRuns/{encoded}");
        var operation = Specs.V321.FindOperation("GET", sent.Path).ShouldNotBeNull();
        operation.OperationId.ShouldBe("get_dag_run");
        operation.PathValues["dag_run_id"].ShouldBe(runId);
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task GetDagDetails_HostileDagId_ReachesOnlyDetails(string dagId, string encoded)
    {
        using var host = HostAnsweringEverything();

        await host.Client.GetDagDetailsAsync(dagId);

        var sent = host.ApiRequests.ShouldHaveSingleItem();
        sent.Uri.AbsolutePath.ShouldBe($"/api/v2/dags/{encoded}/details");
        var operation = Specs.V321.FindOperation("GET", sent.Path).ShouldNotBeNull();
        operation.OperationId.ShouldBe("get_dag_details");
        operation.PathValues["dag_id"].ShouldBe(dagId);
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task PatchDagRun_HostileIds_EncodedInBothSegments(string id, string encoded)
    {
        using var host = HostAnsweringEverything();

        await host.Client.PatchDagRunAsync(id, id, new DagRunPatch { State = "failed" }, null);

        var sent = host.ApiRequests.ShouldHaveSingleItem();
        sent.Uri.AbsolutePath.ShouldBe($"/api/v2/dags/{encoded}/dagRuns/{encoded}");
        Specs.V321.FindOperation("PATCH", sent.Path).ShouldNotBeNull().OperationId.ShouldBe("patch_dag_run");
    }

    [Theory]
    [MemberData(nameof(RejectedIds))]
    public async Task GetDagRun_EmptyOrControlCharacterId_RejectedWithoutSending(string id)
    {
        using var host = HostAnsweringEverything();

        var byRun = await host.Client.GetDagRunAsync("etl", id);
        var byDag = await host.Client.GetDagAsync(id);
        var trigger = await host.Client.TriggerDagRunAsync(id, new TriggerDagRunRequest { Conf = [] });
        var instances = await host.Client.ListAllTaskInstancesAsync("etl", id);

        foreach (var failure in new[] { byRun.Failure, byDag.Failure, trigger.Failure, instances.Failure })
        {
            failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
            failure.StatusCode.ShouldBeNull();
        }

        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetDag_UnpairedSurrogate_RejectedWithoutSending()
    {
        // A separate fact: xunit would turn a lone surrogate in theory data into U+FFFD.
        using var host = HostAnsweringEverything();

        var result = await host.Client.GetDagAsync("\ud800lone");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Rejected);
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListDags_PatternWithSqlWildcardsAndPlus_QueryValueEncoded()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.Fallback.Respond("application/json", AirflowSamples.DagPage([], 0));

        await host.Client.ListDagsAsync(new DagQuery { DagIdPattern = "a+b%_c&d=e", Tags = ["x y", "z/1"] });

        host.ApiRequests.ShouldHaveSingleItem().Uri.Query.ShouldBe("?limit=100&offset=0&tags=x%20y&tags=z%2F1&dag_id_pattern=a%2Bb%25_c%26d%3De");
    }

    [Fact]
    public async Task ListDagRuns_AllDags_TildeKeptAndStatesRepeated()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.Fallback.Respond("application/json", """{"dag_runs":[],"total_entries":0}""");

        await host.Client.ListDagRunsAsync("~", new DagRunQuery { States = ["running", "queued"], OrderBy = "-run_after", Limit = 10 });

        host.ApiRequests.ShouldHaveSingleItem().Uri.PathAndQuery.ShouldBe("/api/v2/dags/~/dagRuns?limit=10&offset=0&state=running&state=queued&order_by=-run_after");
    }

    [Fact]
    public async Task BaseUrlWithPrefix_Kept_BeforeApiPath()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:BaseUrl"] = "https://gateway.example/airflow/" });
        host.Mock.Fallback.Respond("application/json", AirflowSamples.Dag("etl"));

        await host.Client.GetDagAsync("a/b");

        host.ApiRequests.ShouldHaveSingleItem().Uri.AbsoluteUri.ShouldBe("https://gateway.example/airflow/api/v2/dags/a%2Fb");
    }
}
