using System.Text.Json.Nodes;
using Airgate.AirflowEmulator.Dags;

namespace Airgate.AirflowEmulator.Tests.Dags;

public sealed class DagFixtureLoaderTests
{
    public static TheoryData<string, string> BadFixtures => new()
    {
        { """{"dag_id": "d", "tasks": [{"task_id": "a", "downstream_task_ids": ["b"]}, {"task_id": "b", "downstream_task_ids": ["a"]}]}""", "cycle" },
        { """{"dag_id": "d", "tasks": [{"task_id": "a", "downstream_task_ids": ["ghost"]}]}""", "'ghost' does not exist" },
        { """{"dag_id": "d", "tasks": [{"task_id": "a"}, {"task_id": "a"}]}""", "appears twice" },
        { """{"dag_id": "d", "tasks": [{"task_id": "a", "is_mapped": true}]}""", "map_count" },
        { """{"dag_id": "d", "schedule": "@daily", "tasks": [{"task_id": "a"}]}""", "schedule" },
        { """{"dag_id": "d", "tasks": []}""", "at least one task" },
        { """{"tasks": [{"task_id": "a"}]}""", "'dag_id' is required" },
        { """{"dag_id": "d", "params": {"x": 1}, "tasks": [{"task_id": "a"}]}""", "param 'x'" },
    };

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void LoadFile_InvalidFixture_ThrowsNamingTheProblem(string json, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"emulator-fixture-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var error = Should.Throw<InvalidDataException>(() => DagFixtureLoader.LoadFile(file));

            error.Message.ShouldContain(expected);
            error.Message.ShouldContain(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void LoadFile_TasksDeclaredOutOfOrder_KeepsTopologicalOrder()
    {
        var file = Path.Combine(Path.GetTempPath(), $"emulator-fixture-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"dag_id": "d", "tasks": [{"task_id": "last"}, {"task_id": "first", "downstream_task_ids": ["middle"]}, {"task_id": "middle", "downstream_task_ids": ["last"]}]}""");
        try
        {
            var dag = DagFixtureLoader.LoadFile(file);

            dag.Tasks.Select(t => t.TaskId).ShouldBe(["first", "middle", "last"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDirectoryNotFound()
    {
        Should.Throw<DirectoryNotFoundException>(() => DagFixtureLoader.Load(new EmulatorOptions { FixturesPath = "/nonexistent/fixtures" }));
    }

    [Fact]
    public void Load_ExampleFixtures_ReferenceDownloadDeclaresItsParams()
    {
        var dags = DagFixtureLoader.Load(new EmulatorOptions { FixturesPath = Support.EmulatorHarness.FixturesPath });

        var reference = dags.Single(d => d.DagId == "reference_download");
        reference.Params.Select(p => p.Name).ShouldBe(["accession", "include_plasmids", "max_retries", "mirror"]);
        JsonNode.DeepEquals(reference.Params[3].Default, JsonValue.Create("ncbi")).ShouldBeTrue();
        dags.Single(d => d.DagId == "bactopia_amr_analysis").FindTask("run_amrfinderplus")!.MapCount.ShouldBe(3);
    }
}
