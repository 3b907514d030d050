using System.Net;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Hosting;

public sealed class HostilePathTests
{
    public static TheoryData<string> HostilePaths => new()
    {
        "api/v2/dags/bactopia_species_screen%2F..%2Fnightly_cleanup",
        "api/v2/dags/..%2Fdags",
        "api/v2/dags/%2E%2E",
        "api/v2/dags/%00",
        "api/v2/dags/reference_download%00",
        "api/v2/dags/" + new string('a', 10_000),
        "api/v2/dags/bactopia_species_screen/tasks/..%2F..%2Freference_download",
        "api/v2/dags/bactopia_species_screen/dagRuns/..%2F..%2F",
        "api/v2/dags/bactopia_species_screen/dagRuns/%2E%2E/taskInstances",
        "api/v2/dags/%7E/dagRuns/x",
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task HostileSegment_AnyRoute_Answers404Or422AndNeverAnotherResource(string path)
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen", """{"dag_run_id": "x"}""");

        var answer = await h.GetAsync(path, h.Unchecked);

        answer.Status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity);
        answer.Text.ShouldNotContain("\"dag_id\":");
    }

    [Fact]
    public async Task EncodedSlash_InDagId_StaysOneSegmentAndIsDecoded()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/reference_download%2Ftasks");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("Dag with id reference_download/tasks was not found");
    }

    [Fact]
    public async Task EncodedSlash_InRunId_IsDecodedBeforeLookup()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/a%2Fb");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("The DagRun with dag_id: `bactopia_species_screen` and run_id: `a/b` was not found");
    }

    [Fact]
    public async Task EncodedPlus_InRunId_IsAPlusNotASpace()
    {
        await using var h = EmulatorHarness.Create();
        await h.TriggerAsync("bactopia_species_screen", """{"dag_run_id": "a+b"}""");

        var plus = await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/a%2Bb");
        var space = await h.GetAsync("api/v2/dags/bactopia_species_screen/dagRuns/a%20b");

        plus.Status.ShouldBe(HttpStatusCode.OK);
        space.Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
