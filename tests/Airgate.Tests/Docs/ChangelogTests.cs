using System.Reflection;
using System.Text.RegularExpressions;
using Airgate.Testing;

namespace Airgate.Tests.Docs;

/// <summary>The CHANGELOG is Keep a Changelog with dated versions, and the binary reports the newest of them.</summary>
public sealed partial class ChangelogTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md"));

    [Fact]
    public void Changelog_Versions_AreDatedNewestFirstAfterUnreleased()
    {
        var headings = Lines.Where(line => line.StartsWith("## ", StringComparison.Ordinal)).ToList();

        headings[0].ShouldBe("## [Unreleased]");
        var released = headings.Skip(1).Select(h => Release().Match(h)).ToList();
        released.ShouldAllBe(match => match.Success, "each release heading is '## [x.y.z] - yyyy-mm-dd'");
        released.Select(m => Version.Parse(m.Groups[1].Value)).ShouldBeInOrder(SortDirection.Descending);
        released.Select(m => m.Groups[2].Value).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Changelog_Sections_UseKeepAChangelogHeadingsNotIssueNumbers()
    {
        string[] allowed = ["### Added", "### Changed", "### Deprecated", "### Removed", "### Fixed", "### Security"];

        var other = Lines.Where(line => line.StartsWith("### ", StringComparison.Ordinal) && !allowed.Contains(line)).ToList();

        other.ShouldBeEmpty();
    }

    [Fact]
    public void Binary_ReportsTheNewestReleasedVersion()
    {
        var newest = Lines.Select(line => Release().Match(line)).First(match => match.Success).Groups[1].Value;

        var reported = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

        reported.Split('+')[0].ShouldBe(newest);
    }

    [GeneratedRegex(@"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Release();
}
