using System.Text;
using System.Text.Json.Nodes;
using Airgate.Airflow.Tests.Contract;

namespace Airgate.Testing.OpenApi.Tests;

public sealed class OpenApiContractTests
{
    private static readonly OpenApiContract Spec = Specs.V321;

    [Fact]
    public void Load_SamePathTwice_ReturnsSameInstance() =>
        OpenApiContract.Load(Spec.SourcePath).ShouldBeSameAs(Spec);

    [Fact]
    public void Load_AirflowSpec_TakesVersionFromFileName()
    {
        Spec.Version.ShouldBe("3.2.1");
        Spec.DocumentUri.ShouldBe(new Uri("urn:airflow:3.2.1"));
        Specs.V302.Version.ShouldBe("3.0.2");
    }

    [Fact]
    public void FindOperation_TemplatedPath_MatchesWithDecodedSegments()
    {
        var operation = Spec.FindOperation("GET", "/api/v2/dags/a%2Fb/dagRuns/manual__2025-10-02T12%3A00%3A00%2B00%3A00");

        operation.ShouldNotBeNull();
        operation.OperationId.ShouldBe("get_dag_run");
        operation.PathValues["dag_id"].ShouldBe("a/b");
        operation.PathValues["dag_run_id"].ShouldBe("manual__2025-10-02T12:00:00+00:00");
    }

    [Fact]
    public void FindOperation_LiteralAndTemplateBothMatch_LiteralWins()
    {
        Spec.FindOperation("POST", "/api/v2/dags/~/dagRuns/list")?.OperationId.ShouldBe("get_list_dag_runs_batch");
        Spec.FindOperation("GET", "/api/v2/dags/etl/details")?.OperationId.ShouldBe("get_dag_details");
    }

    [Fact]
    public void FindOperation_EncodedSlashInsideSegment_DoesNotReachAnotherPath() =>
        Spec.FindOperation("GET", "/api/v2/dags/etl%2Fdetails")?.OperationId.ShouldBe("get_dag");

    [Fact]
    public void FindOperation_EmptySegment_FindsNothing() =>
        Spec.FindOperation("GET", "/api/v2/dags//details").ShouldBeNull();

    [Fact]
    public void ValidateRequest_ConformantGet_HasNoProblems() =>
        Spec.ValidateRequest("GET", "/api/v2/dags?limit=10&offset=0&tags=a&tags=b%20c&paused=true&dag_id_pattern=etl%25", null).ShouldBeEmpty();

    [Fact]
    public void ValidateRequest_UnknownPath_ReportsPath()
    {
        var problems = Spec.ValidateRequest("GET", "/api/v2/nothing/here", null);

        problems.ShouldHaveSingleItem().ShouldContain("/api/v2/nothing/here");
    }

    [Fact]
    public void ValidateRequest_UndocumentedMethod_ReportsAllowedMethods()
    {
        var problems = Spec.ValidateRequest("PUT", "/api/v2/version", null);

        problems.ShouldHaveSingleItem().ShouldContain("does not allow PUT");
    }

    [Fact]
    public void ValidateRequest_UndeclaredQueryParameter_ReportsItsName()
    {
        var problems = Spec.ValidateRequest("GET", "/api/v2/dags?colour=blue", null);

        problems.ShouldHaveSingleItem().ShouldContain("'colour' is not declared");
        problems[0].ShouldContain("get_dags");
    }

    [Fact]
    public void ValidateRequest_WrongTypedQueryValue_ReportsTypeExpected()
    {
        var problems = Spec.ValidateRequest("GET", "/api/v2/dags?limit=ten&paused=maybe", null);

        problems.Count.ShouldBe(2);
        problems.ShouldContain(p => p.Contains("'limit'") && p.Contains("integer"));
        problems.ShouldContain(p => p.Contains("'paused'") && p.Contains("boolean"));
    }

    [Fact]
    public void ValidateRequest_ScalarQueryRepeated_ReportsRepetition() =>
        Spec.ValidateRequest("GET", "/api/v2/dags?paused=true&paused=false", null).ShouldHaveSingleItem().ShouldContain("2 times");

    [Fact]
    public void ValidateRequest_RequiredQueryMissing_ReportsIt() =>
        Spec.ValidateRequest("GET", "/api/v2/backfills", null).ShouldHaveSingleItem().ShouldContain("required query parameter 'dag_id'");

    [Fact]
    public void ValidateRequest_RequiredBodyMissing_ReportsIt() =>
        Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns", null).ShouldHaveSingleItem().ShouldContain("body is required");

    [Fact]
    public void ValidateRequest_BodyNotJson_ReportsIt() =>
        Spec.ValidateRequest("POST", "/api/v2/dags/etl/dagRuns", "logical_date=now").ShouldHaveSingleItem().ShouldContain("not JSON");

    [Fact]
    public void ValidateRequest_BodyOnGet_ReportsIt() =>
        Spec.ValidateRequest("GET", "/api/v2/version", "{}").ShouldHaveSingleItem().ShouldContain("takes no request body");

    [Fact]
    public async Task ValidateRequestAsync_HttpRequestMessage_ReadsPathQueryAndBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://airflow:8080/api/v2/dags?colour=blue");

        var problems = await Spec.ValidateRequestAsync(request);

        problems.ShouldHaveSingleItem().ShouldContain("colour");
    }

    [Fact]
    public void ValidateRequest_BaseUrlWithPrefix_MatchesFromApi() =>
        Spec.ValidateRequest("GET", "/airflow/api/v2/version", null).ShouldBeEmpty();

    [Fact]
    public void ValidateResponse_UndocumentedStatus_ReportsDocumentedOnes()
    {
        var problems = Spec.ValidateResponse("GET", "/api/v2/dags", 418, "{}");

        problems.ShouldHaveSingleItem().ShouldContain("status 418 is not documented");
    }

    [Fact]
    public void ValidateResponse_BodyOn204_ReportsIt() =>
        Spec.ValidateResponse("DELETE", "/api/v2/dags/etl/dagRuns/r1", 204, "{\"a\":1}").ShouldHaveSingleItem().ShouldContain("204");

    [Fact]
    public void ValidateResponse_NotJson_ReportsIt() =>
        Spec.ValidateResponse("GET", "/api/v2/version", 200, "<html>").ShouldHaveSingleItem().ShouldContain("not JSON");

    [Fact]
    public void ValidateResponse_MissingBodyWhereSchemaDocumented_ReportsIt() =>
        Spec.ValidateResponse("GET", "/api/v2/version", 200, string.Empty).ShouldHaveSingleItem().ShouldContain("no body");

    [Fact]
    public async Task RecordingHandler_Request_RecordsMethodUriAndBodyAndForwards()
    {
        var inner = new StubHandler();
        using var client = new HttpClient(new RecordingHandler(inner) is var recorder ? recorder : null!);
        using var content = new StringContent("{\"x\":1}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("http://airflow/api/v2/dags/a%2Fb/dagRuns"), content);

        var recorded = recorder.Requests.ShouldHaveSingleItem();
        recorded.Method.ShouldBe(HttpMethod.Post);
        recorded.PathAndQuery.ShouldBe("/api/v2/dags/a%2Fb/dagRuns");
        recorded.Body.ShouldBe("{\"x\":1}");
        inner.BodySeen.ShouldBe("{\"x\":1}");
    }

    private sealed class StubHandler : HttpMessageHandler
    {
        public string? BodySeen { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            BodySeen = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
