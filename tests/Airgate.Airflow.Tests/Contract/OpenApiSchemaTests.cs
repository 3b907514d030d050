using Airgate.Airflow.Tests.Contract;

namespace Airgate.Testing.OpenApi.Tests;

/// <summary>The checker's body, response and constraint checks, which go through the JSON Schema validator.</summary>
public sealed class OpenApiSchemaTests
{
    private static readonly OpenApiContract Spec = Specs.V321;

    [Fact]
    public void ValidateRequest_ConformantTriggerBody_HasNoProblems() =>
        Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns", """{"logical_date":null,"conf":{"x":1},"dag_run_id":"r1"}""").ShouldBeEmpty();

    [Fact]
    public void ValidateRequest_NullableFieldGivenNull_IsAccepted() =>
        Spec.ValidateRequest("PATCH", "/api/v2/dags/etl/dagRuns/r1?update_mask=note", """{"note":null}""").ShouldBeEmpty();

    [Fact]
    public void ValidateRequest_UnknownBodyField_ReportsAdditionalProperty()
    {
        var problems = Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns", """{"logical_date":null,"conf":{},"colour":"blue"}""");

        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.Contains("trigger_dag_run") && p.Contains("request body"));
    }

    [Fact]
    public void ValidateRequest_BodyFieldWrongType_ReportsLocation()
    {
        var problems = Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns", """{"logical_date":null,"conf":"x=1"}""");

        problems.ShouldNotBeEmpty();
        problems.ShouldContain(p => p.Contains("/conf"), string.Join("\n", problems));
    }

    [Fact]
    public void ValidateRequest_DateWithoutZone_ReportsFormat() =>
        Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns", """{"logical_date":"2025-10-02 12:00","conf":{}}""")
            .ShouldHaveSingleItem().ShouldContain("/logical_date");

    [Fact]
    public void ValidateRequest_PatchStateOutsideEnum_ReportsIt() =>
        Spec.ValidateRequest("PATCH", "/api/v2/dags/etl/dagRuns/r1", """{"state":"cancelled"}""").ShouldNotBeEmpty();

    [Fact]
    public void ValidateRequest_QueryBelowMinimum_ReportsIt() =>
        Spec.ValidateRequest("GET", "/api/v2/dags?limit=-1", null).ShouldHaveSingleItem().ShouldContain("'limit'");

    [Fact]
    public void ValidateRequest_QueryWithinConstraints_HasNoProblems() =>
        Spec.ValidateRequest("GET", "/api/v2/dags?limit=100&offset=200&tags_match_mode=all", null).ShouldBeEmpty();

    [Fact]
    public void ValidateRequest_QueryOutsideEnum_ReportsIt() =>
        Spec.ValidateRequest("GET", "/api/v2/dags?tags_match_mode=some", null).ShouldHaveSingleItem().ShouldContain("tags_match_mode");

    [Fact]
    public void ValidateRequest_PathConstViolated_ReportsIt() =>
        Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns/list", "{}").ShouldContain(p => p.Contains("path parameter 'dag_id'"));

    [Fact]
    public void ValidateResponse_ConformantVersion_HasNoProblems() =>
        Spec.ValidateResponse("GET", "/api/v2/version", 200, """{"version":"3.2.1","git_version":null}""").ShouldBeEmpty();

    [Fact]
    public void ValidateResponse_MissingRequiredField_ReportsIt()
    {
        var problems = Spec.ValidateResponse("GET", "/api/v2/version", 200, """{"git_version":"abc"}""");

        problems.ShouldNotBeEmpty();
        problems[0].ShouldContain("get_version");
    }

    [Fact]
    public void ValidateResponse_DocumentedErrorShape_HasNoProblems() =>
        Spec.ValidateResponse("GET", "/api/v2/dags/etl", 404, """{"detail":"The DAG with dag_id: `etl` was not found"}""").ShouldBeEmpty();

    [Fact]
    public void ValidateResponse_ValidationErrorShape_IsChecked()
    {
        Spec.ValidateResponse("POST", "/api/v2/dags/etl/dagRuns", 422, """{"detail":[{"type":"missing","loc":["body","conf"],"msg":"Field required","input":{}}]}""").ShouldBeEmpty();
        Spec.ValidateResponse("POST", "/api/v2/dags/etl/dagRuns", 422, """{"detail":[{"loc":"body"}]}""").ShouldNotBeEmpty();
    }

    [Fact]
    public void ValidateResponse_OlderSpec_UsesItsOwnSchemas() =>
        Specs.V302.ValidateResponse("GET", "/api/v2/version", 200, """{"version":"3.0.2","git_version":null}""").ShouldBeEmpty();

    [Fact]
    public async Task ValidateExchange_RecordedAnswer_ChecksRequestAndResponse()
    {
        using var answer = new StubAnswer("""{"git_version":null}""");
        var recorder = new RecordingHandler(answer);
        using var client = new HttpClient(recorder);

        using var response = await client.GetAsync(new Uri("http://emulator/api/v2/version?x=1"));

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"git_version":null}""");
        var exchange = recorder.Exchanges.ShouldHaveSingleItem();
        exchange.Status.ShouldBe(200);
        var problems = Spec.ValidateExchange(exchange);
        problems.Count.ShouldBe(2);
        problems.ShouldContain(p => p.Contains("'x' is not declared"));
        problems.ShouldContain(p => p.Contains("'version'"));
    }

    private sealed class StubAnswer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }
}
