using System.Net;
using Airgate.Tests.Infrastructure;

namespace Airgate.Tests.Runs;

/// <summary>SPEC 4: odd JSON (repeated members, lone surrogates, truncation) is a 400 naming where, never a 500 or a silent guess.</summary>
public sealed class OddJsonTests
{
    private const string Kraken = "bactopia-kraken2-3.2.0";

    public static TheoryData<string, string, string, string> OddBodies => new()
    {
        { """{"note": "a", "note": "b"}""", "duplicate_key", "/note", "more than once" },
        { $$"""{"pipelines": {"{{Kraken}}": {"outdir": "/a", "outdir": "/b"} } }""", "duplicate_key", $"/pipelines/{Kraken}/outdir", "more than once" },
        { $$"""{"pipelines": {"{{Kraken}}": {"samples": [{"sample": "a", "sample": "b"}]} } }""", "duplicate_key", $"/pipelines/{Kraken}/samples/0/sample", "more than once" },
        { $$"""{"pipelines": {"{{Kraken}}": {"outdir": "\ud800x"} } }""", "invalid_unicode", $"/pipelines/{Kraken}/outdir", "not valid Unicode" },
        { """{"note": "\udc00"}""", "invalid_unicode", "/note", "not valid Unicode" },
        { """{"pipelines": {"\ud800": {}}}""", "invalid_unicode", "/pipelines/\\ud800", "not valid Unicode" },
        { """{"pipelines": """, "invalid_json", "/pipelines", "not valid JSON at line 1, byte 15: it ends before every object and array is closed" },
        { """{"note": "x",}""", "invalid_json", "", "not valid JSON at line 1" },
    };

    [Theory]
    [MemberData(nameof(OddBodies))]
    public async Task TriggerRun_OddJson_Returns400AtThePointer(string body, string keyword, string location, string message)
    {
        await using var gateway = Gateway.Start();

        var problem = await (await gateway.Client.PostAsync(RunBodies.ScreenRuns, RunBodies.Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var error = problem.GetProperty("errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("keyword").GetString().ShouldBe(keyword);
        error.GetProperty("pointer").GetString().ShouldBe(location);
        problem.GetProperty("detail").GetString()!.ShouldContain(message);
        problem.GetProperty("detail").GetString()!.ShouldNotContain("nested");
        gateway.Emulator.TriggerPosts().ShouldBe(0);
    }
}
