using System.Text.Json;
using Airgate.JsonSchema.Suite;
using Airgate.Testing;

namespace Airgate.JsonSchema.Tests.Suite;

/// <summary>The official suite's draft 2020-12 cases (ids <c>file/group/test</c>), its draft-07 and 2019-09 cases (ids prefixed <c>draft7/</c>, <c>draft2019-09/</c>), loaded once, with the checked-in skip list.</summary>
internal static class SuiteCases
{
    private static readonly Lazy<Loaded> State = new(Load);

    /// <summary>The folders run besides draft 2020-12's, by the id prefix of their cases.</summary>
    public static readonly string[] OlderDrafts = ["draft7", "draft2019-09"];

    public static string Directory => FolderOf("draft2020-12");

    public static string FolderOf(string draft) => RepositoryPaths.InShared("json-schema", "test-suite", "tests", draft);

    /// <summary>The <c>$schema</c> a case's schema assumes when it declares none (by the folder it came from).</summary>
    public static Uri? DialectOf(string id) =>
        OlderDrafts.FirstOrDefault(draft => id.StartsWith(draft + "/", StringComparison.Ordinal)) is { } folder ? TestSuite.DialectOf(folder) : null;

    /// <summary>The id without its draft prefix, as the suite file names it (e.g. <c>optional/format/email/...</c>).</summary>
    public static string WithinDraft(string id) =>
        OlderDrafts.FirstOrDefault(draft => id.StartsWith(draft + "/", StringComparison.Ordinal)) is { } folder ? id[(folder.Length + 1)..] : id;

    public static IReadOnlyDictionary<string, SuiteCase> All => State.Value.Cases;

    public static SchemaRegistry Remotes => State.Value.Remotes;

    public static IReadOnlyDictionary<string, string> SkipList => State.Value.Skips;

    public static string? SkipReason(string id)
    {
        foreach (var (key, reason) in State.Value.Skips)
        {
            if (id == key || (key.EndsWith('/') && id.StartsWith(key, StringComparison.Ordinal)))
            {
                return reason;
            }
        }

        return null;
    }

    private static Loaded Load()
    {
        var cases = TestSuite.ReadCases(Directory).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var draft in OlderDrafts)
        {
            foreach (var suiteCase in TestSuite.ReadCases(FolderOf(draft)))
            {
                cases.Add(draft + "/" + suiteCase.Id, suiteCase);
            }
        }

        var remotes = TestSuite.CreateRemotesRegistry(RepositoryPaths.InShared("json-schema", "test-suite", "remotes"));
        using var skipFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Suite", "skipped.json")));
        var skips = skipFile.RootElement.GetProperty("skipped").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        return new Loaded(cases, remotes, skips);
    }

    private sealed record Loaded(Dictionary<string, SuiteCase> Cases, SchemaRegistry Remotes, Dictionary<string, string> Skips);
}
