using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Airgate.Testing;

namespace Airgate.AirflowEmulator.Tests.Support;

/// <summary>
/// A fresh emulator on a manual clock with the example fixtures, and clients over its in-memory handler.
/// <see cref="Client"/> and <see cref="Anonymous"/> check every response against the Airflow 3.2.1 spec;
/// <see cref="Unchecked"/> does not, for answers Airflow gives outside its spec and for injected faults.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(EmulatorOptions options)
    {
        Clock = new ManualTimeProvider();
        Emulator = new AirflowEmulator(options, Clock);
        var token = Emulator.IssueToken();
        Client = NewClient(token, check: true);
        Anonymous = NewClient(token: null, check: true);
        Unchecked = NewClient(token, check: false);
    }

    public static string FixturesPath => Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags");

    public ManualTimeProvider Clock { get; }

    public AirflowEmulator Emulator { get; }

    public HttpClient Client { get; }

    public HttpClient Anonymous { get; }

    public HttpClient Unchecked { get; }

    /// <summary>The example fixtures, no delay before running and 10 s per task, unless <paramref name="configure"/> says otherwise.</summary>
    public static EmulatorHarness Create(Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions
        {
            FixturesPath = FixturesPath,
            TaskDuration = TimeSpan.FromSeconds(10),
            QueueDelay = TimeSpan.FromSeconds(2),
        };
        return new EmulatorHarness(configure?.Invoke(options) ?? options);
    }

    public HttpClient NewClient(string? token, bool check)
    {
        HttpMessageHandler handler = Emulator.CreateHandler();
        if (check)
        {
            handler = new SpecCheckingHandler(handler);
        }

        var client = new HttpClient(handler) { BaseAddress = new Uri("http://airflow.test/") };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task<JsonAnswer> GetAsync(string path, HttpClient? client = null) =>
        SendAsync(HttpMethod.Get, path, null, client);

    public Task<JsonAnswer> PostAsync(string path, string json, HttpClient? client = null) =>
        SendAsync(HttpMethod.Post, path, json, client);

    public Task<JsonAnswer> PatchAsync(string path, string json, HttpClient? client = null) =>
        SendAsync(HttpMethod.Patch, path, json, client);

    public async Task<JsonAnswer> SendAsync(HttpMethod method, string path, string? json, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json" && text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        return new JsonAnswer(response.StatusCode, body, text, response.Headers);
    }

    /// <summary>Triggers a run of <paramref name="dagId"/> and returns its run id.</summary>
    public async Task<string> TriggerAsync(string dagId, string body = """{"logical_date": null}""")
    {
        var answer = await PostAsync($"api/v2/dags/{dagId}/dagRuns", body);
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.Text);
        return answer.Body!["dag_run_id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        Unchecked.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal sealed record JsonAnswer(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseHeaders Headers)
{
    public string? Detail => Body?["detail"] is JsonValue v ? v.GetValue<string>() : null;

    public JsonNode Json => Body ?? throw new ShouldAssertException($"Expected a JSON body, got {Status}: {Text}");
}
