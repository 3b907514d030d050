using System.Net;
using System.Text;
using System.Text.Json;
using Airgate.Airflow.Models;
using RichardSzalay.MockHttp;

namespace Airgate.Airflow.Tests.Mwaa;

/// <summary>What the MWAA transport sends (the InvokeRestApi envelope) and how it reads MWAA's answers, against a mock MWAA.</summary>
public sealed class MwaaEnvelopeTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string? errorType = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (errorType is not null)
        {
            response.Headers.TryAddWithoutValidation("x-amzn-errortype", errorType);
        }

        return response;
    }

    private static AirflowTestHost Host(Func<HttpResponseMessage> answer, Dictionary<string, string?>? extra = null)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, $"{MwaaHost.Endpoint}/restapi/{MwaaHost.Emulated.Environment}").Respond(_ => answer());
        return MwaaHost.Over(mock, extra: extra);
    }

    [Fact]
    public async Task A_listing_is_one_signed_post_whose_envelope_has_the_path_without_prefix_and_repeated_keys_as_arrays()
    {
        using var host = Host(() => Answer(HttpStatusCode.OK, """{"RestApiStatusCode": 200, "RestApiResponse": {"dag_runs": [], "total_entries": 0}}"""));

        var result = await host.Client.ListDagRunsAsync("etl", new DagRunQuery { States = ["queued", "running"], Limit = 5 });

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.Failure!.Detail);
        var request = host.Recorder.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.ToString().ShouldBe($"{MwaaHost.Endpoint}/restapi/airgate-dev");
        request.Headers["Authorization"].ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKIAAIRGATEEMULATOR1/");
        request.Headers["Authorization"].ShouldContain("/us-east-1/airflow/aws4_request");
        var envelope = JsonDocument.Parse(request.Body!).RootElement;
        envelope.GetProperty("Method").GetString().ShouldBe("GET");
        envelope.GetProperty("Path").GetString().ShouldBe("/dags/etl/dagRuns");
        var query = envelope.GetProperty("QueryParameters");
        query.GetProperty("state").EnumerateArray().Select(s => s.GetString()).ShouldBe(["queued", "running"]);
        query.GetProperty("limit").GetString().ShouldBe("5");
        envelope.TryGetProperty("Body", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_trigger_carries_its_json_body_in_the_envelope()
    {
        using var host = Host(() => Answer(HttpStatusCode.OK, """{"RestApiStatusCode": 200, "RestApiResponse": {"dag_id": "etl", "dag_run_id": "r1", "state": "queued", "run_type": "manual", "run_after": "2026-01-01T00:00:00Z", "conf": {}}}"""));

        await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { DagRunId = "r1", Conf = new() { ["x"] = 1 } });

        var envelope = JsonDocument.Parse(host.Recorder.Requests.ShouldHaveSingleItem().Body!).RootElement;
        envelope.GetProperty("Method").GetString().ShouldBe("POST");
        envelope.GetProperty("Path").GetString().ShouldBe("/dags/etl/dagRuns");
        envelope.GetProperty("Body").GetProperty("dag_run_id").GetString().ShouldBe("r1");
        envelope.GetProperty("Body").GetProperty("conf").GetProperty("x").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData(404, "RestApiClientException", AirflowError.NotFound)]
    [InlineData(409, "RestApiClientException", AirflowError.Conflict)]
    [InlineData(422, "RestApiClientException", AirflowError.Rejected)]
    [InlineData(400, "RestApiClientException", AirflowError.Rejected)]
    [InlineData(500, "RestApiServerException", AirflowError.ServerError)]
    public async Task Airflows_own_errors_unwrap_to_airflows_status_and_detail(int airflowStatus, string errorType, AirflowError expected)
    {
        using var host = Host(() => Answer(HttpStatusCode.BadRequest, $$$"""{"RestApiStatusCode": {{{airflowStatus}}}, "RestApiResponse": {"detail": "from airflow {{{airflowStatus}}}"}}""", errorType),
            new() { ["Airgate:Airflow:MaxRetries"] = "0" });

        var result = await host.Client.GetDagRunAsync("etl", "r1");

        result.Failure!.Error.ShouldBe(expected);
        result.Failure!.StatusCode.ShouldBe(airflowStatus);
        result.Failure!.Detail.ShouldBe($"from airflow {airflowStatus}");
        result.Failure!.AwsError.ShouldBeNull();
    }

    [Theory]
    [InlineData(403, "AccessDeniedException", "Private webserver environments can only call InvokeRestApi within a VPC", "VPC")]
    [InlineData(403, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: airflow:InvokeRestApi", "airflow:InvokeRestApi")]
    [InlineData(404, "ResourceNotFoundException", "Environment airgate-dev not found", "no MWAA environment 'airgate-dev'")]
    [InlineData(400, "ValidationException", "Value at 'path' failed to satisfy constraint: Member must have length less than or equal to 64", "64 characters")]
    [InlineData(403, "InvalidSignatureException", "The request signature we calculated does not match", "signature")]
    [InlineData(403, "ExpiredTokenException", "The security token included in the request is expired", "signature")]
    public async Task Mwaas_own_errors_are_refusals_that_name_them_without_awss_message(int status, string errorType, string message, string detailMentions)
    {
        using var host = Host(() => Answer((HttpStatusCode)status, $$"""{"message": "{{message}}"}""", errorType + ":http://internal.amazon.com/coral/com.amazonaws.airflow/"));

        var result = await host.Client.GetDagRunAsync("etl", "r1");

        result.Failure!.Error.ShouldBe(AirflowError.TransportRefused);
        result.Failure!.AwsError.ShouldBe(errorType);
        result.Failure!.Detail.ShouldContain(detailMentions);
        result.Failure!.Detail.ShouldNotContain("123456789012");
        host.Recorder.Requests.Count.ShouldBe(1, "a refusal is not retried");
        host.Logs.AllText.ShouldContain(errorType);
    }

    [Fact]
    public async Task Throttled_reads_are_retried_then_answer_503_with_retry_after()
    {
        using var host = Host(() => Answer((HttpStatusCode)429, """{"message": "Rate exceeded"}""", "ThrottlingException"), new() { ["Airgate:Airflow:MaxRetries"] = "2" });

        var result = await host.Client.GetDagRunAsync("etl", "r1");

        host.Recorder.Requests.Count.ShouldBe(3);
        result.Failure!.Error.ShouldBe(AirflowError.ServerError);
        result.Failure!.StatusCode.ShouldBe(503);
        result.Failure!.AwsError.ShouldBe("ThrottlingException");
        result.Failure!.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_throttled_trigger_is_not_retried()
    {
        using var host = Host(() => Answer((HttpStatusCode)429, """{"message": "Rate exceeded"}""", "ThrottlingException"), new() { ["Airgate:Airflow:MaxRetries"] = "2" });

        var result = await host.Client.TriggerDagRunAsync("etl", new TriggerDagRunRequest { DagRunId = "r1", Conf = [] });

        host.Recorder.Requests.Count.ShouldBe(1);
        result.Failure!.StatusCode.ShouldBe(503);
    }

    [Fact]
    public async Task The_error_type_is_read_from_the_body_when_the_header_is_missing()
    {
        using var host = Host(() => Answer(HttpStatusCode.NotFound, """{"__type": "com.amazonaws.airflow#ResourceNotFoundException", "message": "nope"}"""));

        var result = await host.Client.GetDagAsync("etl");

        result.Failure!.Error.ShouldBe(AirflowError.TransportRefused);
        result.Failure!.AwsError.ShouldBe("ResourceNotFoundException");
    }

    [Fact]
    public async Task Without_credentials_nothing_is_sent_and_the_call_is_refused()
    {
        var mock = new MockHttpMessageHandler();
        using var host = MwaaHost.Over(mock, MwaaHost.Settings(), new NoCredentials());

        var result = await host.Client.GetDagAsync("etl");

        result.Failure!.Error.ShouldBe(AirflowError.TransportRefused);
        result.Failure!.AwsError.ShouldBe("CredentialsNotFound");
        host.Recorder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_that_is_not_an_envelope_is_an_invalid_answer_not_a_success()
    {
        using var host = Host(() => Answer(HttpStatusCode.OK, """{"unexpected": true}"""));

        var result = await host.Client.GetDagAsync("etl");

        result.Failure!.Error.ShouldBe(AirflowError.InvalidResponse);
    }

    private sealed class NoCredentials : Amazon.Runtime.AWSCredentials
    {
        public override Amazon.Runtime.ImmutableCredentials GetCredentials() => throw new Amazon.Runtime.AmazonClientException("no credentials in the chain");

        public override Task<Amazon.Runtime.ImmutableCredentials> GetCredentialsAsync() => throw new Amazon.Runtime.AmazonClientException("no credentials in the chain");
    }
}
