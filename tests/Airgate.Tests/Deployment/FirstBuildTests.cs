using System.Xml.Linq;
using Airgate.Testing;

namespace Airgate.Tests.Deployment;

/// <summary>A first build runs npm for minutes: each slow step says what it does before it starts.</summary>
public sealed class FirstBuildTests
{
    [Theory]
    [InlineData("AirgateNpmCi", "npm ci")]
    [InlineData("AirgateBuildUi", "npm run build")]
    public void Build_SlowLaunchpadStep_AnnouncesItselfAtHighImportanceFirst(string target, string command)
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Airgate", "Airgate.csproj"));
        var steps = project.Descendants("Target").Single(t => (string?)t.Attribute("Name") == target).Elements().ToList();

        var exec = steps.FindIndex(e => e.Name == "Exec" && ((string?)e.Attribute("Command") ?? "").StartsWith(command, StringComparison.Ordinal));
        var message = steps.FindIndex(e => e.Name == "Message" && (string?)e.Attribute("Importance") == "high");

        exec.ShouldBeGreaterThanOrEqualTo(0);
        message.ShouldBeInRange(0, exec - 1);
        ((string?)steps[message].Attribute("Text") ?? "").ShouldContain(command);
    }
}
