using Airgate.Core.Profiles;

namespace Airgate.Core.Registry.Tests;

public sealed class RegistryFormsTests
{
    [Fact]
    public void Load_NativeAndCompatibleForms_ReadTheSameProfile()
    {
        var native = """
            {
              "id": "tool-1.0", "name": "Tool", "version": "1.0", "description": "d", "type": "nextflow",
              "project": "p", "runnable": false, "inherits": [],
              "parameters_schema": {"type": "object"}, "ui_schema": {"type": "VerticalLayout"},
              "submission": {"options_field": "opts", "encoding": "cli-string"}
            }
            """;
        var compatible = """
            {
              "pipelineId": "tool-1.0", "pipelineName": "Tool", "version": "1.0", "pipelineDescription": "d",
              "pipelineType": "nextflow", "project": "p", "pipelineRunnable": false, "inherits": [],
              "parametersSchema": {"type": "object"}, "uiSchema": {"type": "VerticalLayout"},
              "submission": {"optionsFieldName": "opts", "encoding": "cli-string"}
            }
            """;

        var fromNative = Files.Load(("a.json", native)).ProfilesById["tool-1.0"];
        var fromCompatible = Files.Load(("a.json", compatible)).ProfilesById["tool-1.0"];

        fromNative.Form.ShouldBe(ProfileFileForm.Native);
        fromCompatible.Form.ShouldBe(ProfileFileForm.Compatible);
        foreach (var profile in new[] { fromNative.Profile, fromCompatible.Profile })
        {
            profile.Name.ShouldBe("Tool");
            profile.Version.ShouldBe("1.0");
            profile.Description.ShouldBe("d");
            profile.Type.ShouldBe("nextflow");
            profile.Project.ShouldBe("p");
            profile.Runnable.ShouldBeFalse();
            profile.UiSchema?.GetProperty("type").GetString().ShouldBe("VerticalLayout");
            profile.Submission.ShouldBe(new SubmissionSettings { OptionsField = "opts", Encoding = SubmissionEncoding.CliString });
        }
    }

    [Fact]
    public void Load_ProfileWithoutOptionalFields_UsesDefaults()
    {
        var snapshot = Files.Load(("a.json", """{"id": "a", "name": "A", "version": "1", "parameters_schema": {}}"""));

        snapshot.Problems.ShouldBeEmpty();
        var profile = snapshot.ProfilesById["a"].Profile;
        profile.Runnable.ShouldBeTrue();
        profile.Inherits.ShouldBeEmpty();
        profile.UiSchema.ShouldBeNull();
        profile.Submission.OptionsField.ShouldBe("parameters");
        profile.Submission.Encoding.ShouldBe(SubmissionEncoding.JsonObject);
    }

    [Fact]
    public void Load_BothManifestForms_ReadPipelinesAndTasks()
    {
        var snapshot = Files.Load(
            ("a.json", Files.Native("a")),
            ("b.json", Files.Compatible("b")),
            ("m1.json", """{"dag_id": "compat", "pipeline_ids": ["a", "b"]}"""),
            ("m2.json", """{"dag_id": "native", "pipelines": ["b"], "tasks": {"run_b": ["b"]}}"""));

        snapshot.Problems.ShouldBeEmpty();
        snapshot.FindManifest("compat")?.Pipelines.ShouldBe(["a", "b"]);
        var native = snapshot.FindManifest("native");
        native.ShouldNotBeNull();
        native.Pipelines.ShouldBe(["b"]);
        native.Tasks["run_b"].ShouldBe(["b"]);
    }

    [Fact]
    public void Load_FilesInSubdirectories_AreAllRead()
    {
        using var directory = new TempDirectory();
        directory.Write("a/b/c/deep.json", Files.Native("deep"));
        directory.Write("top.json", Files.Compatible("top"));
        directory.Write("notes.txt", "not json, not read");

        var snapshot = RegistryLoader.Load(directory.Path);

        snapshot.Problems.ShouldBeEmpty();
        snapshot.Profiles.Select(p => p.Id).ShouldBe(["deep", "top"]);
        snapshot.ProfilesById["deep"].File.ShouldBe("a/b/c/deep.json");
    }
}
