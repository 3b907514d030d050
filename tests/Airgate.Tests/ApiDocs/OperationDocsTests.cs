using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Airgate.ApiDocs;
using Airgate.Problems;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.ApiDocs;

/// <summary>The document people read: every operation described, every body and problem answer with an example, and examples that are true.</summary>
public sealed class OperationDocsTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var gateway = Gateway.Start();
        return await (await gateway.Client.GetAsync("/openapi/v1.json")).ShouldBeJsonAsync();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(method => Methods.Contains(method.Name))
            .Select(method => (path.Name, method.Name, method.Value)));

    [Fact]
    public async Task OpenApi_EveryOperation_HasASummaryAndADescription()
    {
        var document = await DocumentAsync();

        var undescribed = Operations(document)
            .Where(o => !o.Operation.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString())
                || !o.Operation.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ToList();

        Operations(document).Count().ShouldBeGreaterThanOrEqualTo(22);
        undescribed.ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenApi_EveryRequestBody_HasExamples()
    {
        var document = await DocumentAsync();

        var bodies = Operations(document).Where(o => o.Operation.TryGetProperty("requestBody", out _)).ToList();
        var missing = bodies
            .Where(o => o.Operation.GetProperty("requestBody").GetProperty("content").EnumerateObject()
                .Any(media => !media.Value.TryGetProperty("examples", out var examples) || !examples.EnumerateObject().Any()))
            .Select(o => $"{o.Method} {o.Path}").ToList();

        bodies.Count.ShouldBe(5); // trigger, stop, rerun, clear, save preset
        missing.ShouldBeEmpty();
        var trigger = Operations(document).Single(o => o.Operation.GetProperty("operationId").GetString() == "TriggerRun").Operation;
        trigger.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples")
            .EnumerateObject().Select(e => e.Name).ShouldBe(["pipelines", "pipelineConfigs", "params"], ignoreOrder: true);
    }

    [Fact]
    public async Task OpenApi_EveryProblemAnswer_HasAnExampleOfItsStatus()
    {
        var document = await DocumentAsync();
        var components = document.GetProperty("components").GetProperty("examples");

        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty(ProblemResponses.ContentType, out var problem))
                {
                    continue;
                }

                var examples = problem.TryGetProperty("examples", out var named) ? named.EnumerateObject().ToList() : [];
                if (examples.Count == 0)
                {
                    missing.Add($"{method} {path} {response.Name}");
                }

                foreach (var example in examples)
                {
                    var id = (example.Value.GetProperty("$ref").GetString() ?? "").Split('/')[^1];
                    components.GetProperty(id).GetProperty("value").GetProperty("status").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(response.Name);
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void ProblemExamples_EveryProblemType_HasOne()
    {
        var types = typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => f.GetRawConstantValue() as string ?? "").ToList();

        types.Where(type => !ProblemExamples.ByType.ContainsKey(type)).ShouldBeEmpty();
        ProblemExamples.ByType.Keys.Where(type => !types.Contains(type)).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> ValidatingExamples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, example) in RequestExamples.ById["TriggerRun"])
        {
            data.Add($"/api/v1/workflows/{(name == "params" ? "reference_download" : "bactopia_species_screen")}/runs?dry_run=true", name, example.Json);
        }

        foreach (var (name, example) in RequestExamples.ById["RerunRun"])
        {
            data.Add("rerun", name, example.Json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidatingExamples))]
    public async Task RequestExample_SentAsADryRun_IsAccepted(string target, string name, string json)
    {
        await using var gateway = Gateway.Start();
        if (target == "rerun")
        {
            var trigger = RequestExamples.ById["TriggerRun"]["pipelines"].Json;
            var started = await gateway.Client.PostAsync("/api/v1/workflows/bactopia_species_screen/runs", new StringContent(trigger, Encoding.UTF8, "application/json"));
            var run = (await started.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("dag_run_id").GetString();
            target = $"/api/v1/workflows/bactopia_species_screen/runs/{Uri.EscapeDataString(run ?? "")}/rerun?dry_run=true";
        }

        var answer = await gateway.Client.PostAsync(target, new StringContent(json, Encoding.UTF8, "application/json"));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, $"example '{name}': {await answer.Content.ReadAsStringAsync()}");
    }
}
