using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator;
using Airgate.Testing;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>
/// A pattern only the backtracking engine can run, out of time: the parameters were neither accepted nor rejected, so
/// the answer is 503 with Retry-After and its own problem type, never a 400 and never a run.
/// </summary>
public sealed class ValidationTimeoutTests
{
    // Unanchored, the lookahead can sit anywhere: no linear-time form; exponential on "aaa...!".
    private const string Profile = """{"id": "p-1.0", "name": "P", "version": "1.0", "parameters_schema": {"type": "object", "properties": {"code": {"type": "string", "pattern": "(?=a)(a|aa)+$"}}}}""";

    [Theory]
    [InlineData("/api/v1/workflows/guarded/runs?dry_run=true")]
    [InlineData("/api/v1/workflows/guarded/runs")]
    public async Task TriggerRun_PatternOutOfTime_Answers503ValidationTimeoutAndStartsNothing(string path)
    {
        var registry = Directory.CreateTempSubdirectory("airgate-registry-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "p.json"), Profile);
            await File.WriteAllTextAsync(Path.Combine(registry.FullName, "m.json"), """{"dag_id": "guarded", "pipelines": ["p-1.0"]}""");
            await using var gateway = Gateway.Start(options =>
            {
                options.RegistryPath = registry.FullName;
                options.Emulator = new EmulatorOptions
                {
                    FixturesPath = Path.Combine(RepositoryPaths.Root, "examples", "emulator", "dags"),
                    GeneratedDags = [new GeneratedDag("guarded", ["run_pipeline"], "Generated for a test.")],
                };
            });
            var body = new JsonObject { ["pipelines"] = new JsonObject { ["p-1.0"] = new JsonObject { ["code"] = new string('a', 5000) + "!" } } };

            var response = await gateway.Client.TriggerAsync(body, path: path);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

            problem.GetProperty("type").GetString().ShouldBe("https://airgate.dev/problems/validation-timeout");
            problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("p-1.0 /code");
            retryAfter.ShouldBe(TimeSpan.FromSeconds(1));
            gateway.Emulator.TriggerPosts("guarded").ShouldBe(0);
        }
        finally
        {
            registry.Delete(recursive: true);
        }
    }
}
