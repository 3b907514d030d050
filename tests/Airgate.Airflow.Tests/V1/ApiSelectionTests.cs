using System.Net;
using Airgate.Airflow.Models;
using Airgate.Testing;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.V1;

/// <summary><c>Airgate:Airflow:ApiVersion</c>: auto asks /api/v2/version, then /api/v1/version, once; v1 and v2 are taken as given.</summary>
public sealed class ApiSelectionTests
{
    private const string V2Version = $"{AirflowTestHost.BaseUrl}/api/v2/version";
    private const string V1Version = $"{AirflowTestHost.BaseUrl}/api/v1/version";

    private static AirflowTestHost Auto(TimeProvider? time = null) =>
        AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:ApiVersion"] = "auto", ["Airgate:Airflow:MaxRetries"] = "0" }, time: time);

    [Fact]
    public async Task Auto_Airflow3_ChoosesV2OnceAndSpeaksIt()
    {
        using var host = Auto();
        host.Mock.When(V2Version).Respond("application/json", AirflowSamples.Version);
        host.Mock.When($"{AirflowTestHost.BaseUrl}/api/v2/dags/etl").Respond("application/json", AirflowSamples.Dag("etl"));

        (await host.Client.GetDagAsync("etl")).IsSuccess.ShouldBeTrue();
        (await host.Client.GetDagAsync("etl")).IsSuccess.ShouldBeTrue();

        host.Recorder.Requests.Select(r => r.Path).ShouldBe(["/api/v2/version", "/api/v2/dags/etl", "/api/v2/dags/etl"]);
        host.Logs.AllText.ShouldContain("Airflow API detected: v2");
    }

    [Fact]
    public async Task Auto_Airflow2_ChoosesV1WithBasicAuthAndSpeaksIt()
    {
        using var host = new AirflowTestHost(new() { ["Airgate:Airflow:ApiVersion"] = "auto" });
        host.Mock.When(V2Version).Respond(HttpStatusCode.NotFound, "text/html", "<h1>Not Found</h1>");
        host.Mock.When(V1Version).Respond("application/json", V1Samples.Version);
        host.Mock.When($"{AirflowTestHost.BaseUrl}/api/v1/dags/etl").Respond("application/json", V1Samples.Dag("etl"));

        var dag = await host.Client.GetDagAsync("etl");
        await host.Client.GetDagAsync("etl");

        dag.Value.ShouldNotBeNull().DagId.ShouldBe("etl");
        host.Recorder.Requests.Select(r => r.Path).ShouldBe(["/api/v2/version", "/api/v1/version", "/api/v1/dags/etl", "/api/v1/dags/etl"]);
        host.Logins.ShouldBeEmpty();
        host.Logs.AllText.ShouldContain("Airflow API detected: v1 (Airflow 2.10.0)");
    }

    [Fact]
    public async Task Auto_Airflow2RefusingAnonymousVersion_StillChoosesV1()
    {
        using var host = Auto();
        host.Mock.When(V2Version).Respond(HttpStatusCode.NotFound);
        host.Mock.When(V1Version).Respond(HttpStatusCode.Unauthorized, "application/problem+json", V1Samples.Problem(401, "Unauthorized", null));
        host.Mock.When($"{AirflowTestHost.BaseUrl}/api/v1/dags/etl").Respond(HttpStatusCode.Unauthorized, "application/problem+json", V1Samples.Problem(401, "Unauthorized", null));

        var result = await host.Client.GetDagAsync("etl");

        result.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unauthorized);
        host.Recorder.Requests[^1].Path.ShouldBe("/api/v1/dags/etl");
    }

    [Fact]
    public async Task Auto_AirflowDown_FailsWithoutDecidingAndProbesAgainLater()
    {
        var clock = new ManualTimeProvider();
        using var host = Auto(clock);
        var up = false;
        host.Mock.When(V2Version).Respond(_ => up
            ? AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.Version)
            : throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        host.Mock.When($"{AirflowTestHost.BaseUrl}/api/v2/dags/etl").Respond("application/json", AirflowSamples.Dag("etl"));

        var down = await host.Client.GetDagAsync("etl");
        up = true;
        var soon = await host.Client.GetDagAsync("etl");
        clock.Advance(TimeSpan.FromSeconds(6));
        var later = await host.Client.GetDagAsync("etl");

        down.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable);
        soon.Failure.ShouldNotBeNull().Error.ShouldBe(AirflowError.Unreachable, "within the retry delay the last probe's answer stands");
        later.IsSuccess.ShouldBeTrue(later.Failure?.Detail);
        host.Recorder.Requests.Select(r => r.Path).ShouldBe(["/api/v2/version", "/api/v2/version", "/api/v2/dags/etl"]);
        host.Logs.AllText.ShouldContain("Could not tell which API Airflow speaks (Unreachable)");
    }

    [Fact]
    public async Task Auto_NeitherApiFound_SaysWhichSettingToCheck()
    {
        using var host = Auto();
        host.Mock.When(V2Version).Respond(HttpStatusCode.NotFound);
        host.Mock.When(V1Version).Respond(HttpStatusCode.NotFound);

        var result = await host.Client.ListDagsAsync(new DagQuery());

        var failure = result.Failure.ShouldNotBeNull();
        failure.Error.ShouldBe(AirflowError.InvalidResponse);
        failure.Detail.ShouldContain("Airgate:Airflow:ApiVersion");
    }

    [Fact]
    public async Task Auto_ConcurrentFirstCalls_ShareOneProbe()
    {
        using var host = Auto();
        host.Mock.When(V2Version).Respond(async () =>
        {
            await Task.Delay(50);
            return AirflowTestHost.Json(HttpStatusCode.OK, AirflowSamples.Version);
        });
        host.Mock.When($"{AirflowTestHost.BaseUrl}/api/v2/dags/etl").Respond("application/json", AirflowSamples.Dag("etl"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Client.GetDagAsync("etl")));

        results.ShouldAllBe(r => r.IsSuccess);
        host.Recorder.Requests.Count(r => r.Path == "/api/v2/version").ShouldBe(1);
    }

    [Theory]
    [InlineData("v1", "/api/v1/dags/etl")]
    [InlineData("V2", "/api/v2/dags/etl")]
    public async Task Configured_NeverProbes(string setting, string path)
    {
        using var host = AirflowTestHost.WithStaticToken(new() { ["Airgate:Airflow:ApiVersion"] = setting });
        host.Mock.Fallback.Respond("application/json", setting == "v1" ? V1Samples.Dag("etl") : AirflowSamples.Dag("etl"));

        (await host.Client.GetDagAsync("etl")).IsSuccess.ShouldBeTrue();

        host.Recorder.Requests.ShouldHaveSingleItem().Path.ShouldBe(path);
    }
}
