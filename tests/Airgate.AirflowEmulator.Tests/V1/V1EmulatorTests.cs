using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Tests.Support;
using Airgate.Testing.OpenApi;

namespace Airgate.AirflowEmulator.Tests.V1;

/// <summary>The emulator's <c>/api/v1</c>: Airflow 2's auth, names and errors over the shared emulation, every answer checked against the 2.10.0 spec.</summary>
public sealed class V1EmulatorTests : IAsyncDisposable
{
    private readonly EmulatorHarness _harness = EmulatorHarness.Create(o => o with { Api = EmulatedApi.V1 });
    private readonly RecordingHandler _recorder;
    private readonly HttpClient _client;
    private readonly HttpClient _anonymous;

    public V1EmulatorTests()
    {
        _recorder = new RecordingHandler(_harness.Emulator.CreateHandler());
        _client = new HttpClient(_recorder) { BaseAddress = new Uri("http://airflow.test/") };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin")));
        _anonymous = new HttpClient(_recorder, disposeHandler: false) { BaseAddress = new Uri("http://airflow.test/") };
    }

    public async ValueTask DisposeAsync()
    {
        V1Spec.Problems(_recorder.Exchanges).ShouldBeEmpty();
        _client.Dispose();
        _anonymous.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Version_AnonymousAndAirflow2()
    {
        var answer = await _harness.GetAsync("api/v1/version", _anonymous);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["version"]!.GetValue<string>().ShouldBe("2.10.0");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWRtaW46d3Jvbmc=")]
    [InlineData("Basic !!notbase64")]
    [InlineData("Bearer token")]
    public async Task Dags_WithoutRightBasicAuth_401ProblemAskingForBasic(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/dags");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _anonymous.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Basic");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["status"]!.GetValue<int>().ShouldBe(401);
        problem["title"]!.GetValue<string>().ShouldBe("Unauthorized");
    }

    [Theory]
    [InlineData("api/v2/version")]
    [InlineData("api/v2/dags")]
    public async Task Airflow3Routes_NotServed(string path) =>
        (await _harness.GetAsync(path, _client)).Status.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Login_NotServed() =>
        (await _harness.PostAsync("auth/token", """{"username":"admin","password":"admin"}""", _client)).Status.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Trigger_ExecutionDateOnly_IsTheLogicalDate()
    {
        var answer = await _harness.PostAsync("api/v1/dags/bactopia_species_screen/dagRuns", """{"dag_run_id":"r1","execution_date":"2025-10-02T12:00:00+00:00","conf":{}}""", _client);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        answer.Json["logical_date"]!.GetValue<string>().ShouldBe("2025-10-02T12:00:00Z");
        answer.Json["execution_date"]!.GetValue<string>().ShouldBe("2025-10-02T12:00:00Z");
        answer.Json["external_trigger"]!.GetValue<bool>().ShouldBeTrue();
        _harness.Emulator.Requests[^1].Body.ShouldContain("execution_date", customMessage: "the recorded body is the one the client sent");
    }

    [Fact]
    public async Task Trigger_NoDate_LogicalDateIsNowAndUniquePerDag()
    {
        var first = await _harness.PostAsync("api/v1/dags/bactopia_species_screen/dagRuns", """{"dag_run_id":"r1"}""", _client);
        var second = await _harness.PostAsync("api/v1/dags/bactopia_species_screen/dagRuns", """{"dag_run_id":"r2"}""", _client);

        first.Json["logical_date"]!.GetValue<string>().ShouldBe(Http.Wire.Format(_harness.Clock.GetUtcNow()));
        second.Status.ShouldBe(HttpStatusCode.Conflict, "Airflow 2 keeps one run per logical date");
        second.Json["status"]!.GetValue<int>().ShouldBe(409);
    }

    [Theory]
    [InlineData("""{"logical_date":"2025-10-02T12:00:00+00:00","execution_date":"2025-10-03T12:00:00+00:00"}""", "conflicts")]
    [InlineData("""{"state":"running"}""", "Unknown field")]
    [InlineData("""[1]""", "JSON object")]
    [InlineData("""{"conf":"x=1"}""", "conf")]
    public async Task Trigger_BadBody_400Problem(string body, string detail)
    {
        var answer = await _harness.PostAsync("api/v1/dags/bactopia_species_screen/dagRuns", body, _client);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Text);
        answer.Json["detail"]!.GetValue<string>().ShouldContain(detail);
        answer.Json["title"]!.GetValue<string>().ShouldBe("Bad Request");
    }

    [Fact]
    public async Task PatchState_AndSetNote_SeparateEndpoints()
    {
        await _harness.PostAsync("api/v1/dags/nightly_cleanup/dagRuns", """{"dag_run_id":"r1"}""", _client);

        var noteOnPatch = await _harness.PatchAsync("api/v1/dags/nightly_cleanup/dagRuns/r1", """{"state":"failed","note":"x"}""", _client);
        var state = await _harness.PatchAsync("api/v1/dags/nightly_cleanup/dagRuns/r1", """{"state":"failed"}""", _client);
        var note = await _harness.PatchAsync("api/v1/dags/nightly_cleanup/dagRuns/r1/setNote", """{"note":"stopped"}""", _client);

        noteOnPatch.Status.ShouldBe(HttpStatusCode.BadRequest);
        state.Json["state"]!.GetValue<string>().ShouldBe("failed");
        note.Json["note"]!.GetValue<string>().ShouldBe("stopped");
        note.Json["state"]!.GetValue<string>().ShouldBe("failed");
    }

    [Fact]
    public async Task ListRuns_V1FiltersAndOrder()
    {
        await _harness.PostAsync("api/v1/dags/nightly_cleanup/dagRuns", """{"dag_run_id":"old","logical_date":"2025-01-01T00:00:00Z"}""", _client);
        await _harness.PostAsync("api/v1/dags/nightly_cleanup/dagRuns", """{"dag_run_id":"new","logical_date":"2025-06-01T00:00:00Z"}""", _client);

        var window = await _harness.GetAsync("api/v1/dags/~/dagRuns?execution_date_gte=2025-03-01T00:00:00Z&order_by=-execution_date", _client);
        var ordered = await _harness.GetAsync("api/v1/dags/nightly_cleanup/dagRuns?order_by=-execution_date", _client);
        var disallowed = await _harness.GetAsync("api/v1/dags/nightly_cleanup/dagRuns?order_by=run_after", _client);

        window.Json["dag_runs"]!.AsArray().Select(r => r!["dag_run_id"]!.GetValue<string>()).ShouldBe(["new"]);
        window.Json["total_entries"]!.GetValue<int>().ShouldBe(1);
        ordered.Json["dag_runs"]!.AsArray().Select(r => r!["dag_run_id"]!.GetValue<string>()).ShouldBe(["new", "old"]);
        disallowed.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TaskInstances_MappedListedAndReadable()
    {
        await _harness.PostAsync("api/v1/dags/bactopia_amr_analysis/dagRuns", """{"dag_run_id":"r1"}""", _client);
        _harness.Clock.Advance(TimeSpan.FromSeconds(30));

        var all = await _harness.GetAsync("api/v1/dags/bactopia_amr_analysis/dagRuns/r1/taskInstances", _client);
        var mapped = await _harness.GetAsync("api/v1/dags/bactopia_amr_analysis/dagRuns/r1/taskInstances/run_amrfinderplus/listMapped", _client);
        var one = await _harness.GetAsync("api/v1/dags/bactopia_amr_analysis/dagRuns/r1/taskInstances/run_amrfinderplus/1", _client);
        var unmappedRead = await _harness.GetAsync("api/v1/dags/bactopia_amr_analysis/dagRuns/r1/taskInstances/run_amrfinderplus", _client);

        all.Json["total_entries"]!.GetValue<int>().ShouldBe(6);
        mapped.Json["task_instances"]!.AsArray().Select(t => t!["map_index"]!.GetValue<int>()).ShouldBe([0, 1, 2]);
        one.Json["map_index"]!.GetValue<int>().ShouldBe(1);
        unmappedRead.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Log_JsonAndPlainText()
    {
        await _harness.PostAsync("api/v1/dags/bactopia_species_screen/dagRuns", """{"dag_run_id":"r1"}""", _client);
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var first = (await _harness.GetAsync("api/v1/dags/bactopia_species_screen/dagRuns/r1/taskInstances", _client)).Json["task_instances"]![0]!["task_id"]!.GetValue<string>();

        var json = await _harness.GetAsync($"api/v1/dags/bactopia_species_screen/dagRuns/r1/taskInstances/{first}/logs/1", _client);
        using var text = new HttpRequestMessage(HttpMethod.Get, $"api/v1/dags/bactopia_species_screen/dagRuns/r1/taskInstances/{first}/logs/1");
        text.Headers.Accept.ParseAdd("text/plain");
        using var plain = await _client.SendAsync(text);

        json.Status.ShouldBe(HttpStatusCode.OK, json.Text);
        json.Json["content"]!.GetValue<string>().ShouldContain("Executing task");
        plain.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await plain.Content.ReadAsStringAsync()).ShouldContain("Executing task");
    }

    [Theory]
    [InlineData("api/v1/dags/a%2Fb")]
    [InlineData("api/v1/dags/%2E%2E/dagRuns")]
    [InlineData("api/v1/dags/etl/dagRuns/%00")]
    [InlineData("api/v1/dags/nightly_cleanup/dagRuns/x/taskInstances/t/notanumber")]
    [InlineData("api/v1/nothing")]
    public async Task HostilePaths_404ProblemNever500(string path)
    {
        var answer = await _harness.GetAsync(path, _client);

        answer.Status.ShouldBe(HttpStatusCode.NotFound, answer.Text);
    }

    [Fact]
    public async Task NotFound_Rfc7807Problem()
    {
        var answer = await _harness.GetAsync("api/v1/dags/nope/details", _client);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Json["detail"]!.GetValue<string>().ShouldContain("nope");
        answer.Json["type"]!.GetValue<string>().ShouldEndWith("NotFound");
    }
}
