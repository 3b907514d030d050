using System.Text.RegularExpressions;
using Airgate.Configuration;
using Airgate.Testing;

namespace Airgate.Tests.Docs;

/// <summary>The README is checked like code: every setting the options records declare is in its table, and every path it names exists.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string ReadmeFile = Path.Combine(RepositoryPaths.Root, "README.md");

    [Fact]
    public void ConfigurationTable_ListsEverySettingInCode()
    {
        var documented = DocumentedKeys(File.ReadAllLines(ReadmeFile));

        var missing = ConfigurationSchema.Keys.Select(key => key.Pattern).Where(pattern => !documented.Contains(pattern)).ToList();

        documented.Count.ShouldBeGreaterThan(20, "the README's configuration table was not found");
        missing.ShouldBeEmpty("add these keys to the README's configuration table");
    }

    [Fact]
    public void ConfigurationTable_ListsNoSettingTheCodeDoesNotRead()
    {
        var known = ConfigurationSchema.Keys.Select(key => key.Pattern).ToHashSet(StringComparer.Ordinal);

        var unknown = DocumentedKeys(File.ReadAllLines(ReadmeFile)).Where(key => !known.Contains(key)).ToList();

        unknown.ShouldBeEmpty("the README's configuration table names keys no options record declares");
    }

    [Fact]
    public void DocumentedKeys_ShorthandRows_ExpandToFullKeys()
    {
        string[] table =
        [
            "| key | default | meaning |",
            "|---|---|---|",
            "| `Airgate:Airflow:Username` / `Password` | | service account |",
            "| `Airgate:Auth:ApiKeys:N:KeyHash` / `UserId` / `Roles:M` | | one key |",
            "| `Airgate:Auth:Jwt:JwksUrl` or `JwksFile` | | keys |",
        ];

        DocumentedKeys(table).ShouldBe(
            ["Airgate:Airflow:Username", "Airgate:Airflow:Password", "Airgate:Auth:ApiKeys:*:KeyHash", "Airgate:Auth:ApiKeys:*:UserId", "Airgate:Auth:ApiKeys:*:Roles:*", "Airgate:Auth:Jwt:JwksUrl", "Airgate:Auth:Jwt:JwksFile"],
            ignoreOrder: true);
    }

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "node_modules" or "bin" or "obj" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Markdown_EveryRepositoryPathItNames_Exists(string file)
    {
        var missing = MissingPaths(file, File.ReadAllText(Path.Combine(RepositoryPaths.Root, file))).ToList();

        missing.ShouldBeEmpty($"{file} names paths that do not exist");
    }

    [Fact]
    public void MissingPaths_APathThatIsNotThere_IsReported()
    {
        var text = "See `src/Airgate.Storage/README.md`, [the guide](docs/nowhere.md), `src/Airgate/Program.cs` and [spec](https://example.org/x.md).";

        MissingPaths("README.md", text).ShouldBe(["docs/nowhere.md"], ignoreOrder: true);
    }

    /// <summary>Keys named in the first cell of the configuration table's rows; <c>/ `Name`</c> and <c>or `Name`</c> name siblings, N and M are indexes.</summary>
    private static HashSet<string> DocumentedKeys(IEnumerable<string> lines)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.StartsWith("| `Airgate:", StringComparison.Ordinal)))
        {
            var cell = line.Split('|')[1];
            var names = Code().Matches(cell).Select(m => m.Groups[1].Value).ToList();
            var first = Indexes(names[0]);
            keys.Add(first);
            var parent = first[..first.LastIndexOf(':')];
            foreach (var sibling in names.Skip(1))
            {
                keys.Add(sibling.StartsWith("Airgate:", StringComparison.Ordinal) ? Indexes(sibling) : $"{parent}:{Indexes(sibling)}");
            }
        }

        return keys;
    }

    private static string Indexes(string key) => string.Join(':', key.Split(':').Select(part => part is "N" or "M" ? "*" : part));

    /// <summary>
    /// Relative link targets, and code spans that start with a top-level folder of this repository (<c>src/...</c>),
    /// which do not exist relative to the file or to the repository root. URLs, anchors and globs are not paths.
    /// </summary>
    private static IEnumerable<string> MissingPaths(string file, string text)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, file)) ?? RepositoryPaths.Root;
        var candidates = Link().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(Code().Matches(text).Select(m => m.Groups[1].Value).Where(LooksLikeRepositoryPath));
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (candidate.Contains("://", StringComparison.Ordinal) || candidate.StartsWith('#') || candidate.StartsWith("mailto:", StringComparison.Ordinal)
                || candidate.IndexOfAny(['*', '<', '{', '$', ' ']) >= 0)
            {
                continue;
            }

            var path = candidate.Split('#')[0].TrimEnd(':', ',', '.');
            if (path.Length == 0 || GeneratedFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal)) || Exists(Path.Combine(folder, path)) || Exists(Path.Combine(RepositoryPaths.Root, path)))
            {
                continue;
            }

            yield return path;
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>Folders a run writes (git-ignored), named as where to look afterwards.</summary>
    private static readonly string[] GeneratedFolders = [".ci/out/"];

    private static readonly string[] TopLevelFolders = ["src/", "tests/", "ui/", "docs/", "examples/", "clients/", "bench/", ".ci/"];

    private static bool LooksLikeRepositoryPath(string code) => TopLevelFolders.Any(folder => code.StartsWith(folder, StringComparison.Ordinal));

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
