using System.Net;
using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Tests.Support;

namespace Airgate.AirflowEmulator.Tests.Dags;

public sealed class DagsTests
{
    private static readonly string[] ExampleDagIds = ["bactopia_amr_analysis", "bactopia_species_screen", "nightly_cleanup", "reference_download"];

    [Fact]
    public async Task GetDags_NoFilter_ListsEveryFixtureOrderedById()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        DagIds(answer).ShouldBe(ExampleDagIds);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(4);
    }

    [Theory]
    [InlineData("true", new[] { "nightly_cleanup" })]
    [InlineData("false", new[] { "bactopia_amr_analysis", "bactopia_species_screen", "reference_download" })]
    public async Task GetDags_PausedFilter_ListsMatchingDags(string paused, string[] expected)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync($"api/v2/dags?paused={paused}");

        DagIds(answer).ShouldBe(expected);
    }

    [Theory]
    [InlineData("tags=amr", new[] { "bactopia_amr_analysis" })]
    [InlineData("tags=amr&tags=reference", new[] { "bactopia_amr_analysis", "reference_download" })]
    [InlineData("tags=bactopia&tags=screening&tags_match_mode=all", new[] { "bactopia_species_screen" })]
    [InlineData("owners=platform", new[] { "nightly_cleanup" })]
    public async Task GetDags_TagAndOwnerFilters_ListsMatchingDags(string query, string[] expected)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync($"api/v2/dags?{query}");

        DagIds(answer).ShouldBe(expected);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(expected.Length);
    }

    [Theory]
    [InlineData("bactopia", new[] { "bactopia_amr_analysis", "bactopia_species_screen" })]
    [InlineData("BACTOPIA%25amr", new[] { "bactopia_amr_analysis" })]
    [InlineData("nightly_cleanup", new[] { "nightlyXcleanup", "nightly_cleanup" })]
    [InlineData("nightly%5C_cleanup", new[] { "nightly_cleanup" })]
    [InlineData("100%5C%25", new[] { "load_100%" })]
    [InlineData("100%25", new[] { "load_100%", "load_1000" })]
    [InlineData("no_such", new string[0])]
    public async Task GetDags_DagIdPattern_MatchesLikeSubstringWithEscapes(string pattern, string[] expected)
    {
        await using var h = EmulatorHarness.Create(o => o with
        {
            GeneratedDags = [new GeneratedDag("nightlyXcleanup", ["a"]), new GeneratedDag("load_100%", ["a"]), new GeneratedDag("load_1000", ["a"])],
        });

        var answer = await h.GetAsync($"api/v2/dags?dag_id_pattern={pattern}");

        DagIds(answer).ShouldBe(expected);
    }

    [Fact]
    public async Task GetDags_LimitAboveMaximum_IsSilentlyCapped()
    {
        await using var h = EmulatorHarness.Create(o => o with { MaximumPageLimit = 3 });

        var answer = await h.GetAsync("api/v2/dags?limit=1000");

        DagIds(answer).Count.ShouldBe(3);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task GetDags_LimitAndOffset_ReturnOnePage()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags?limit=2&offset=1");

        DagIds(answer).ShouldBe(["bactopia_species_screen", "nightly_cleanup"]);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task GetDags_OrderByDescendingId_ReversesOrder()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags?order_by=-dag_id");

        DagIds(answer).ShouldBe(ExampleDagIds.Reverse());
    }

    [Fact]
    public async Task GetDags_OrderByUnknownField_Returns400()
    {
        await using var h = EmulatorHarness.Create();

        // Airflow answers 400 here although the spec documents no 400 for this operation.
        var answer = await h.GetAsync("api/v2/dags?order_by=fileloc", h.Unchecked);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail.ShouldBe("Ordering with 'fileloc' is disallowed or the attribute does not exist on the model");
    }

    [Theory]
    [InlineData("limit=ten", "limit", "int_parsing")]
    [InlineData("offset=-1", "offset", "greater_than_equal")]
    [InlineData("paused=maybe", "paused", "bool_parsing")]
    public async Task GetDags_MalformedQuery_Returns422NamingTheParameter(string query, string parameter, string type)
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync($"api/v2/dags?{query}");

        answer.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = answer.Json["detail"]![0]!;
        problem["type"]!.GetValue<string>().ShouldBe(type);
        problem["loc"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["query", parameter]);
    }

    [Fact]
    public async Task GetDag_Known_ReturnsDagFields()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/bactopia_species_screen");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["dag_id"]!.GetValue<string>().ShouldBe("bactopia_species_screen");
        answer.Json["owners"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["genomics"]);
        answer.Json["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ShouldBe(["bactopia", "screening"]);
        answer.Json["is_paused"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task GetDag_Unknown_Returns404WithAirflowWording()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/no_such_dag");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("Dag with id no_such_dag was not found");
    }

    [Fact]
    public async Task GetDagDetails_ReferenceDownload_ReturnsParamsInSerializedForm()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/reference_download/details");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        var parameters = answer.Json["params"]!.AsObject();
        parameters.Select(p => p.Key).ShouldBe(["accession", "include_plasmids", "max_retries", "mirror"]);
        var maxRetries = parameters["max_retries"]!;
        maxRetries["__class"]!.GetValue<string>().ShouldBe("airflow.sdk.definitions.param.Param");
        maxRetries["value"]!.GetValue<int>().ShouldBe(3);
        maxRetries["schema"]!["maximum"]!.GetValue<int>().ShouldBe(10);
        parameters["accession"]!["value"].ShouldBeNull();
        parameters["mirror"]!["schema"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["ncbi", "ena"]);
    }

    [Fact]
    public async Task GetDagDetails_NoParams_ReturnsEmptyParams()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/nightly_cleanup/details");

        answer.Json["params"]!.AsObject().Count.ShouldBe(0);
        answer.Json["is_paused"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task GetDagDetails_Unknown_Returns404()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/missing/details");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("Dag with id missing was not found");
    }

    [Fact]
    public async Task GetTasks_AmrAnalysis_ListsTasksWithDownstreamIdsAndMapping()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/bactopia_amr_analysis/tasks");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        var tasks = answer.Json["tasks"]!.AsArray();
        tasks.Select(t => t!["task_id"]!.GetValue<string>()).ShouldBe(["collect_results", "prepare_samples", "run_amrfinderplus", "run_fastqc"]);
        answer.Json["total_entries"]!.GetValue<int>().ShouldBe(4);
        var mapped = tasks.Single(t => t!["task_id"]!.GetValue<string>() == "run_amrfinderplus")!;
        mapped["is_mapped"]!.GetValue<bool>().ShouldBeTrue();
        mapped["downstream_task_ids"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["collect_results"]);
        mapped["retry_delay"]!["__type"]!.GetValue<string>().ShouldBe("TimeDelta");
    }

    [Fact]
    public async Task GetTasks_OrderByDescending_ReversesOrder()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/bactopia_species_screen/tasks?order_by=-task_id");

        answer.Json["tasks"]!.AsArray().Select(t => t!["task_id"]!.GetValue<string>()).ShouldBe(["run_kraken2", "publish_report", "prepare_samples"]);
    }

    [Fact]
    public async Task GetTasks_OrderByUnknownAttribute_Returns400()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/bactopia_species_screen/tasks?order_by=colour");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Detail!.ShouldContain("colour");
    }

    [Fact]
    public async Task GetTask_Known_ReturnsTask()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/reference_download/tasks/fetch_assembly");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["downstream_task_ids"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["verify_checksum"]);
    }

    [Fact]
    public async Task GetTask_Unknown_Returns404()
    {
        await using var h = EmulatorHarness.Create();

        var answer = await h.GetAsync("api/v2/dags/reference_download/tasks/nope");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Detail.ShouldBe("Task with id nope was not found");
    }

    [Fact]
    public async Task GeneratedDag_WithoutFixture_IsALinearChainOfItsTasks()
    {
        await using var h = EmulatorHarness.Create(o => o with
        {
            GeneratedDags = [new GeneratedDag("variant_calling", ["align", "call", "annotate"], "Calls variants")],
        });

        var dag = await h.GetAsync("api/v2/dags/variant_calling");
        var tasks = await h.GetAsync("api/v2/dags/variant_calling/tasks");

        dag.Json["description"]!.GetValue<string>().ShouldBe("Calls variants");
        var downstream = tasks.Json["tasks"]!.AsArray().ToDictionary(
            t => t!["task_id"]!.GetValue<string>(),
            t => t!["downstream_task_ids"]!.AsArray().Select(n => n!.GetValue<string>()).ToList());
        downstream["align"].ShouldBe(["call"]);
        downstream["call"].ShouldBe(["annotate"]);
        downstream["annotate"].ShouldBeEmpty();
    }

    [Fact]
    public async Task GeneratedDag_SameIdAsFixture_FixtureWins()
    {
        await using var h = EmulatorHarness.Create(o => o with { GeneratedDags = [new GeneratedDag("bactopia_species_screen", ["only"])] });

        var tasks = await h.GetAsync("api/v2/dags/bactopia_species_screen/tasks");

        tasks.Json["total_entries"]!.GetValue<int>().ShouldBe(3);
    }

    private static List<string> DagIds(JsonAnswer answer) =>
        [.. answer.Json["dags"]!.AsArray().Select(d => d!["dag_id"]!.GetValue<string>())];
}
