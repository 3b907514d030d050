using System.Text.RegularExpressions;
using Airgate.Testing;

namespace Airgate.Tests.Deployment;

/// <summary>
/// What the image must hold, read from the Dockerfile (no container runtime here): the page built in its own pinned
/// Node stage, every build step through build/image.sh (which CI runs in .ci/publish-smoke), and a liveness check.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

    [Fact]
    public void Dockerfile_HealthCheck_ProbesLivenessNotReadiness()
    {
        var healthCheck = Regex.Match(Dockerfile.Replace("\\\n", " ", StringComparison.Ordinal), "^HEALTHCHECK .*$", RegexOptions.Multiline).Value;

        healthCheck.ShouldContain("GET /health/live ");
        healthCheck.ShouldNotContain("/health/ready");
    }

    [Fact]
    public void Dockerfile_Page_BuiltInAPinnedNodeStageFromTheLockFile()
    {
        var node = Stages().Single(stage => stage.Image.StartsWith("node:", StringComparison.Ordinal));

        node.Image.ShouldMatch(@"^node:\d+\.\d+\.\d+-", "pin the Node image to an exact version");
        node.Runs.ShouldBe(["bash build/image.sh ui"]);
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", "image.sh")).ShouldContain("npm ci");
    }

    [Fact]
    public void Dockerfile_EveryBuildStep_GoesThroughTheScriptCiRuns()
    {
        var buildRuns = Stages().Where(stage => stage.Name is not null).SelectMany(stage => stage.Runs).ToList();

        buildRuns.ShouldBe(["bash build/image.sh ui", "bash build/image.sh publish /app"]);
        var smoke = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "publish-smoke"));
        smoke.ShouldContain("bash build/image.sh ui");
        smoke.ShouldContain("bash build/image.sh publish");
    }

    [Fact]
    public void Dockerfile_PublishStage_TakesThePageFromTheNodeStage()
    {
        Dockerfile.ShouldContain("COPY --from=ui /src/ui/dist ui/dist");
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"));
        ignored.ShouldContain("ui/dist/", "a stale local ui/dist must not reach the build context");
    }

    private sealed record Stage(string Image, string? Name, List<string> Runs);

    private static List<Stage> Stages()
    {
        var stages = new List<Stage>();
        foreach (var line in Dockerfile.Split('\n'))
        {
            if (From().Match(line) is { Success: true } from)
            {
                stages.Add(new Stage(from.Groups[1].Value, from.Groups[2].Success ? from.Groups[2].Value : null, []));
            }
            else if (line.StartsWith("RUN ", StringComparison.Ordinal) && stages.Count > 0)
            {
                stages[^1].Runs.Add(line[4..].Trim());
            }
        }

        return stages;
    }

    [GeneratedRegex(@"^FROM (\S+)(?: AS (\S+))?")]
    private static partial Regex From();
}
