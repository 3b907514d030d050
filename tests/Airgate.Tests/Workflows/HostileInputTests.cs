using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Workflows;

/// <summary>Every client-controlled path and query value: a 4xx problem, and nothing reaches another Airflow path.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> HostileSegments => new()
    {
        "%2F",
        "a%2Fb",
        new string('x', 10_000),
        "d%C3%A9j%C3%A0",
        "%E2%80%AE",
        "a%20b",
        "a%3Fb%3Dc",
        "a%23b",
        "%25",
        "a;b",
    };

    [Theory]
    [MemberData(nameof(HostileSegments))]
    public async Task GetWorkflow_HostileDagId_Answers4xxProblemAndNeverReachesAnotherPath(string segment)
    {
        await using var gateway = Gateway.Start();

        foreach (var path in new[] { $"/api/v1/workflows/{segment}", $"/api/v1/workflows/{segment}/tasks", $"/api/v1/workflows/bactopia_amr_analysis/tasks/{segment}" })
        {
            var response = await gateway.Client.GetAsync(path);

            ((int)response.StatusCode).ShouldBeInRange(400, 499, path);
            await response.ShouldBeProblemAsync(response.StatusCode);
        }

        AirflowPathsOutsideDagsOrLogin(gateway).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("%2E%2E")]
    [InlineData(".")]
    public async Task GetWorkflow_DotSegments_AreResolvedByUrlRulesAndNeverForwardedAsIds(string segment)
    {
        // HTTP clients and Kestrel resolve dot segments before routing, so ".." can never arrive as an id;
        // what matters is that Airflow sees no path outside the DAG resources.
        await using var gateway = Gateway.Start();

        foreach (var path in new[] { $"/api/v1/workflows/{segment}", $"/api/v1/workflows/bactopia_amr_analysis/tasks/{segment}" })
        {
            var response = await gateway.Client.GetAsync(path);
            ((int)response.StatusCode).ShouldBeLessThan(500, path);
        }

        AirflowPathsOutsideDagsOrLogin(gateway).ShouldBeEmpty();
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path.Contains("/..", StringComparison.Ordinal) || r.Path.EndsWith("/.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetWorkflow_NonAsciiDagId_IsForwardedEncodedToThatDagOnly()
    {
        await using var gateway = Gateway.Start();

        var response = await gateway.Client.GetAsync("/api/v1/workflows/d%C3%A9j%C3%A0");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        gateway.Emulator.Requests.Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal))
            .Select(r => r.Path).ShouldAllBe(p => p == "/api/v2/dags/d%C3%A9j%C3%A0/details");
    }

    public static TheoryData<string, string> HostileQueries => new()
    {
        { "limit=0", "limit" },
        { "limit=-1", "limit" },
        { "limit=101", "limit" },
        { "limit=1e3", "limit" },
        { "limit=abc", "limit" },
        { "limit=1&limit=2", "limit" },
        { "offset=-5", "offset" },
        { "offset=99999999999999999999", "offset" },
        { "paused=yes", "paused" },
        { "paused=", "paused" },
        { "tags=", "tags" },
        { "dag_id_pattern=" + new string('%', 300), "dag_id_pattern" },
        { "dag_id_pattern=a%00b", "dag_id_pattern" },
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task ListWorkflows_BadQueryValue_Answers400NamingTheParameter(string query, string parameter)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.GetAsync($"/api/v1/workflows?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("parameter").GetString()).ShouldContain(parameter);
        gateway.Emulator.Requests.ShouldNotContain(r => r.Path.StartsWith("/api/v2/dags", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListWorkflows_SeveralBadValues_AllNamedInOneProblem()
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.GetAsync("/api/v1/workflows?limit=x&offset=y&paused=z")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("parameter").GetString())
            .ShouldBe(["limit", "offset", "paused"], ignoreOrder: true);
    }

    [Fact]
    public async Task ListWorkflows_PatternWithSqlWildcards_IsForwardedAsLikePattern()
    {
        await using var gateway = Gateway.Start();

        var body = await (await gateway.Client.GetAsync("/api/v1/workflows?dag_id_pattern=%25_download")).ShouldBeJsonAsync();

        body.GetProperty("workflows").EnumerateArray().Select(w => w.GetProperty("dag_id").GetString()).ShouldBe(["reference_download"]);
    }

    private static IEnumerable<string> AirflowPathsOutsideDagsOrLogin(Gateway gateway) =>
        gateway.Emulator.Requests.Select(r => r.Path)
            .Where(p => p != "/auth/token" && p != "/api/v2/dags" && !p.StartsWith("/api/v2/dags/", StringComparison.Ordinal));
}
