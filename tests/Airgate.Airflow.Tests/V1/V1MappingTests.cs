using System.Net;
using Airgate.Airflow.Models;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.V1;

/// <summary>Airflow 2's answers become the same models and the same <see cref="AirflowFailure"/> values as Airflow 3's.</summary>
public sealed class V1MappingTests
{
    public static TheoryData<int, string, AirflowError, string> Problems => new()
    {
        { 400, V1Samples.Problem(400, "Bad Request", "Invalid input for param n: 0 is less than the minimum of 1"), AirflowError.Rejected, "Invalid input for param n: 0 is less than the minimum of 1" },
        { 401, V1Samples.Problem(401, "Unauthorized", null), AirflowError.Unauthorized, "Unauthorized" },
        { 403, V1Samples.Problem(403, "Forbidden", "You don't have enough permissions"), AirflowError.Forbidden, "You don't have enough permissions" },
        { 404, V1Samples.Problem(404, "DAG not found", "DAG with dag_id: 'etl' not found"), AirflowError.NotFound, "DAG with dag_id: 'etl' not found" },
        { 409, V1Samples.Problem(409, "Already exists", "DAGRun with DAG ID: 'etl' and DAGRun ID: 'r1' already exists"), AirflowError.Conflict, "DAGRun with DAG ID: 'etl' and DAGRun ID: 'r1' already exists" },
        { 500, V1Samples.Problem(500, "Internal Server Error", ""), AirflowError.ServerError, "Internal Server Error" },
        { 503, V1Samples.Problem(503, "Service Unavailable", "The scheduler is busy"), AirflowError.ServerError, "The scheduler is busy" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Rfc7807Problem_MapsToSameFailure(int status, string body, AirflowError error, string detail)
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond((HttpStatusCode)status, "application/problem+json", body);

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { DagRunId = "r1", Conf = [] });

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(error);
        failure.StatusCode.ShouldBe(status);
        failure.Detail.ShouldBe(detail);
    }

    [Fact]
    public async Task DagRun_OnlyExecutionDate_BecomesLogicalDate()
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagRun("etl", "r1", logicalDate: "2025-10-02T12:00:00.123456+00:00", bothDates: false));

        var run = (await host.Client.GetDagRunAsync("etl", "r1")).Value.ShouldNotBeNull();

        var expected = new DateTimeOffset(2025, 10, 2, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
        run.LogicalDate.ShouldBe(expected);
        run.RunAfter.ShouldBe(expected, "a manual run may start at its logical date, the time it was triggered");
        run.TriggeringUserName.ShouldBeNull();
        run.QueuedAt.ShouldBeNull();
        run.Conf.ShouldNotBeNull().GetProperty("x").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("dataset_triggered", "asset_triggered")]
    [InlineData("manual", "manual")]
    [InlineData("scheduled", "scheduled")]
    [InlineData("backfill", "backfill")]
    public async Task DagRun_RunType_AsAirflow3NamesIt(string v1, string v2)
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagRun("etl", "r1", runType: v1));

        var run = (await host.Client.GetDagRunAsync("etl", "r1")).Value.ShouldNotBeNull();

        run.RunType.ShouldBe(v2);
        if (v1 is "scheduled" or "backfill")
        {
            run.RunAfter.ShouldBe(new DateTimeOffset(2025, 10, 2, 3, 0, 0, TimeSpan.Zero), "a scheduled run may start once its data interval has ended");
            run.TriggeredBy.ShouldBe("timetable");
        }
    }

    [Fact]
    public async Task DagRun_WithoutState_IsAnInvalidResponse()
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", """{"dag_run_id":"r1","dag_id":"etl","run_type":"manual","execution_date":"2025-10-02T12:00:00+00:00"}""");

        var result = await host.Client.GetDagRunAsync("etl", "r1");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.InvalidResponse);
    }

    [Fact]
    public async Task Dag_Airflow2Fields_MappedToAirflow3Model()
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagPage(["etl", "old"], 2).Replace("\"dag_id\":\"old\",\"dag_display_name\":\"old\",\"description\":null,\"is_paused\":false,\"is_active\":true", "\"dag_id\":\"old\",\"dag_display_name\":\"old\",\"description\":null,\"is_paused\":false,\"is_active\":false", StringComparison.Ordinal));

        var page = (await host.Client.ListDagsAsync(new DagQuery())).Value.ShouldNotBeNull();

        page.TotalEntries.ShouldBe(2);
        var etl = page.Items[0];
        etl.IsStale.ShouldBeFalse();
        etl.TimetableSummary.ShouldBe("0 3 * * *");
        etl.TimetableDescription.ShouldBe("At 03:00");
        etl.NextDagrunRunAfter.ShouldBe(new DateTimeOffset(2025, 10, 3, 3, 0, 0, TimeSpan.Zero));
        etl.Tags.ShouldHaveSingleItem().Name.ShouldBe("etl");
        page.Items[1].IsStale.ShouldBeTrue("Airflow 2's inactive DAG is Airflow 3's stale one");
    }

    [Fact]
    public async Task DagDetails_ParamsRead()
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", V1Samples.DagDetails("etl"));

        var details = (await host.Client.GetDagDetailsAsync("etl")).Value.ShouldNotBeNull();

        details.Params["n"].Schema.ShouldNotBeNull().GetProperty("minimum").GetInt32().ShouldBe(1);
        details.Params["n"].Value.ShouldNotBeNull().GetInt32().ShouldBe(3);
        details.DocMd.ShouldBe("# Doc");
    }

    [Fact]
    public async Task Tasks_OperatorFromClassRef_NoTotalNeeded()
    {
        using var host = V1ContractTests.V1Host();
        host.Mock.Fallback.Respond("application/json", $$"""{"tasks":[{{V1Samples.Task("a")}}]}""");

        var task = (await host.Client.ListTasksAsync("etl")).Value.ShouldNotBeNull().ShouldHaveSingleItem();

        task.OperatorName.ShouldBe("BashOperator");
        task.DownstreamTaskIds.ShouldBe(["b"]);
        task.Params.ShouldBeNull();
    }

    [Fact]
    public async Task TaskInstances_MappedOnesEachWithOwnStableId_NoneStateIsNull()
    {
        using var host = V1ContractTests.V1Host();
        var instances = new[]
        {
            V1Samples.TaskInstance("etl", "r1", "prepare", state: "success"),
            V1Samples.TaskInstance("etl", "r1", "fan", 0, "running"),
            V1Samples.TaskInstance("etl", "r1", "fan", 1, "none"),
            V1Samples.TaskInstance("etl", "r1", "fan", 2, null),
        };
        host.Mock.Fallback.Respond("application/json", V1Samples.TaskInstancePage(instances, 4));

        var all = (await host.Client.ListAllTaskInstancesAsync("etl", "r1")).Value.ShouldNotBeNull();
        var fan = (await host.Client.ListAllTaskInstancesAsync("etl", "r1", "fan")).Value.ShouldNotBeNull();
        var again = (await host.Client.ListAllTaskInstancesAsync("etl", "r1")).Value.ShouldNotBeNull();

        all.Count.ShouldBe(4);
        all.Select(t => t.Id).Distinct().Count().ShouldBe(4);
        again.Select(t => t.Id).ShouldBe(all.Select(t => t.Id), "the same instance keeps its id across reads");
        fan.Select(t => t.MapIndex).ShouldBe([0, 1, 2]);
        fan.Select(t => t.State).ShouldBe(["running", null, null]);
        fan[0].RenderedMapIndex.ShouldBe("0");
        all[0].MapIndex.ShouldBe(-1);
    }

    [Fact]
    public async Task TaskInstances_PagedUntilTotal()
    {
        using var host = V1ContractTests.V1Host();
        var page = 0;
        host.Mock.Fallback.Respond(_ =>
        {
            var start = page++ * 100;
            var count = Math.Min(100, 150 - start);
            return AirflowTestHost.Json(HttpStatusCode.OK, V1Samples.TaskInstancePage(Enumerable.Range(start, count).Select(i => V1Samples.TaskInstance("etl", "r1", "fan", i)), 150));
        });

        var all = (await host.Client.ListAllTaskInstancesAsync("etl", "r1")).Value.ShouldNotBeNull();

        all.Count.ShouldBe(150);
        host.V1Requests.Select(r => r.Uri.Query).ShouldBe(["?limit=100&offset=0", "?limit=100&offset=100"]);
    }
}
