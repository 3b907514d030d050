using Airgate.Airflow.Models;
using Airgate.Airflow.Tests.Contract;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.V1;

/// <summary>Hostile ids stay one encoded segment (or are refused unsent) over <c>/api/v1</c> too.</summary>
public sealed class V1EncodingTests
{
    public static TheoryData<string, string> HostileIds => EncodingTests.HostileIds;

    public static TheoryData<string> RejectedIds => EncodingTests.RejectedIds;

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task GetDagRun_HostileRunId_EncodedAsOneSegment(string runId, string encoded)
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagRun("any", "any"));

        var result = await host.Client.GetDagRunAsync("etl", runId);

        result.IsSuccess.ShouldBeTrue(result.Failure?.Detail);
        var sent = host.V1Requests.ShouldHaveSingleItem();
        sent.Uri.AbsolutePath.ShouldBe($"/api/v1/dags/etl/dagRuns/{encoded}");
        var operation = Specs.V2100.FindOperation("GET", sent.Path).ShouldNotBeNull();
        operation.OperationId.ShouldBe("get_dag_run");
        operation.PathValues["dag_run_id"].ShouldBe(runId);
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task PatchNote_HostileDagId_ReachesOnlySetNote(string dagId, string encoded)
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagRun("any", "any"));

        await host.Client.PatchDagRunAsync(dagId, "r1", new DagRunPatch { Note = "n" }, null);

        var sent = host.V1Requests.ShouldHaveSingleItem();
        sent.Uri.AbsolutePath.ShouldBe($"/api/v1/dags/{encoded}/dagRuns/r1/setNote");
        Specs.V2100.FindOperation("PATCH", sent.Path).ShouldNotBeNull().OperationId.ShouldBe("set_dag_run_note");
    }

    [Theory]
    [MemberData(nameof(RejectedIds))]
    public async Task EveryCall_IdAirflowCannotReceive_RejectedUnsent(string id)
    {
        using var host = V1ContractTests.V1Host();
        var client = host.Client;

        var results = new List<AirflowFailure?>
        {
            (await client.GetDagAsync(id)).Failure,
            (await client.GetDagDetailsAsync(id)).Failure,
            (await client.ListTasksAsync(id)).Failure,
            (await client.GetTaskAsync("etl", id)).Failure,
            (await client.TriggerDagRunAsync(id, new TriggerDagRunRequest { Conf = [] })).Failure,
            (await client.ListDagRunsAsync(id, new DagRunQuery())).Failure,
            (await client.GetDagRunAsync("etl", id)).Failure,
            (await client.PatchDagRunAsync("etl", id, new DagRunPatch { State = "failed" }, null)).Failure,
            (await client.ListAllTaskInstancesAsync("etl", "r1", id)).Failure,
            (await client.ListDagsAsync(new DagQuery { DagIdPattern = id })).Failure,
        };

        results.ShouldAllBe(f => f != null && f.Error == AirflowError.Rejected);
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task LoneSurrogate_RejectedUnsent()
    {
        using var host = V1ContractTests.V1Host();

        var result = await host.Client.GetDagRunAsync("etl", "a\uD800b");

        result.Failure.ShouldNotBeNull().Detail.ShouldContain("unpaired surrogate");
        host.Recorder.Requests.ShouldBeEmpty();
    }
}
