using System.Net;
using System.Web;
using Airgate.Airflow.Models;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests;

public sealed class PagingTests
{
    private const string DagsUrl = $"{AirflowTestHost.BaseUrl}/api/v2/dags";

    /// <summary>Answers <c>GET /dags</c> like Airflow: <paramref name="cap"/> at most per page, whatever <c>limit</c> asked for.</summary>
    private static void ServeDags(AirflowTestHost host, int count, int cap, long? claimedTotal = null)
    {
        var all = Enumerable.Range(0, count).Select(i => $"dag_{i:D4}").ToList();
        host.Mock.When(HttpMethod.Get, DagsUrl).Respond(request =>
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri?.Query ?? string.Empty);
            var limit = Math.Min(int.Parse(query["limit"] ?? "50", System.Globalization.CultureInfo.InvariantCulture), cap);
            var offset = int.Parse(query["offset"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            return AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.DagPage(all.Skip(offset).Take(limit), claimedTotal ?? count));
        });
    }

    private static IEnumerable<string?> Offsets(AirflowTestHost host) =>
        host.ApiRequests.Select(r => HttpUtility.ParseQueryString(r.Uri.Query)["offset"]);

    [Fact]
    public async Task ListAllDags_MoreThanOnePage_ReadsToTheEnd()
    {
        using var host = AirflowTestHost.WithStaticToken();
        ServeDags(host, count: 250, cap: 100);

        var result = await host.Client.ListAllDagsAsync(new DagQuery());

        var dags = result.Value.ShouldNotBeNull();
        dags.Count.ShouldBe(250);
        dags.Select(d => d.DagId).Distinct().Count().ShouldBe(250);
        Offsets(host).ShouldBe(["0", "100", "200"]);
    }

    [Fact]
    public async Task ListAllDags_ServerCapsBelowLimit_AdvancesByItemsReturned()
    {
        using var host = AirflowTestHost.WithStaticToken();
        ServeDags(host, count: 60, cap: 25);

        var result = await host.Client.ListAllDagsAsync(new DagQuery { Limit = 100 });

        result.Value.ShouldNotBeNull().Count.ShouldBe(60);
        Offsets(host).ShouldBe(["0", "25", "50"]);
    }

    [Fact]
    public async Task ListAllDags_ExactMultipleOfPage_StopsAtTotal()
    {
        using var host = AirflowTestHost.WithStaticToken();
        ServeDags(host, count: 200, cap: 100);

        var result = await host.Client.ListAllDagsAsync(new DagQuery());

        result.Value.ShouldNotBeNull().Count.ShouldBe(200);
        host.ApiRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ListAllDags_Empty_OneRequest()
    {
        using var host = AirflowTestHost.WithStaticToken();
        ServeDags(host, count: 0, cap: 100);

        var result = await host.Client.ListAllDagsAsync(new DagQuery());

        result.Value.ShouldNotBeNull().ShouldBeEmpty();
        host.ApiRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListAllDags_EmptyPageBeforeTotal_StopsInsteadOfLooping()
    {
        using var host = AirflowTestHost.WithStaticToken();
        ServeDags(host, count: 150, cap: 100, claimedTotal: 1_000);

        var result = await host.Client.ListAllDagsAsync(new DagQuery());

        result.Value.ShouldNotBeNull().Count.ShouldBe(150);
        Offsets(host).ShouldBe(["0", "100", "150"]);
    }

    [Fact]
    public async Task ListAllDags_ServerIgnoresOffset_StopsOnRepeatedPage()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, DagsUrl).Respond("application/json", AirflowSamples.DagPage(["a", "b"], 10));

        var result = await host.Client.ListAllDagsAsync(new DagQuery());

        result.Value.ShouldNotBeNull().Select(d => d.DagId).ShouldBe(["a", "b"]);
        host.ApiRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ListAllDags_SecondPageFails_AnswersTheFailure()
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:MaxRetries"] = "0" });
        host.Mock.When(HttpMethod.Get, DagsUrl).With(r => r.RequestUri?.Query.Contains("offset=0", StringComparison.Ordinal) == true)
            .Respond("application/json", AirflowSamples.DagPage(["a"], 2));
        host.Mock.When(HttpMethod.Get, DagsUrl).Respond(HttpStatusCode.InternalServerError);

        var result = await host.Client.ListAllDagsAsync(new DagQuery());

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.ServerError);
    }

    [Fact]
    public async Task ListAllDags_Filters_SentOnEveryPage()
    {
        using var host = AirflowTestHost.WithStaticToken();
        ServeDags(host, count: 150, cap: 100);

        await host.Client.ListAllDagsAsync(new DagQuery { Tags = ["etl", "nightly"], Paused = false, DagIdPattern = "etl_%" });

        host.ApiRequests.Count.ShouldBe(2);
        host.ApiRequests.ShouldAllBe(r => r.Uri.Query.Contains("tags=etl&tags=nightly") && r.Uri.Query.Contains("paused=false") && r.Uri.Query.Contains("dag_id_pattern=etl_%25"));
    }

    [Fact]
    public async Task ListAllTaskInstances_MoreThanOnePage_ReadsEveryInstance()
    {
        using var host = AirflowTestHost.WithStaticToken();
        var instances = Enumerable.Range(0, 130).Select(i => AirflowSamples.TaskInstance("etl", "r1", "map_me", i)).ToList();
        host.Mock.When(HttpMethod.Get, $"{AirflowTestHost.BaseUrl}/api/v2/dags/etl/dagRuns/r1/taskInstances").Respond(request =>
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri?.Query ?? string.Empty);
            var offset = int.Parse(query["offset"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            return AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.TaskInstancePage(instances.Skip(offset).Take(50), instances.Count));
        });

        var result = await host.Client.ListAllTaskInstancesAsync("etl", "r1", "map_me");

        var all = result.Value.ShouldNotBeNull();
        all.Count.ShouldBe(130);
        all.Select(t => t.MapIndex).ShouldBe(Enumerable.Range(0, 130));
        Offsets(host).ShouldBe(["0", "50", "100"]);
        host.ApiRequests.ShouldAllBe(r => r.Uri.Query.Contains("task_id=map_me"));
    }

    [Fact]
    public async Task ListAllTaskInstances_EmptyPageBeforeTotal_Stops()
    {
        using var host = AirflowTestHost.WithStaticToken();
        host.Mock.When(HttpMethod.Get, $"{AirflowTestHost.BaseUrl}/api/v2/dags/etl/dagRuns/r1/taskInstances")
            .Respond("application/json", AirflowSamples.TaskInstancePage([], 40));

        var result = await host.Client.ListAllTaskInstancesAsync("etl", "r1");

        result.Value.ShouldNotBeNull().ShouldBeEmpty();
        host.ApiRequests.Count.ShouldBe(1);
    }
}
