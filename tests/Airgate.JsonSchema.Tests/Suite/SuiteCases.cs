using System.Text.Json;
using Airgate.JsonSchema.Suite;
using Airgate.Testing;

namespace Airgate.JsonSchema.Tests.Suite;

/// <summary>The official suite's draft 2020-12 cases, loaded once, with the checked-in skip list.</summary>
internal static class SuiteCases
{
    private static readonly Lazy<Loaded> State = new(Load);

    public static string Directory => RepositoryPaths.InShared("json-schema", "test-suite", "tests", "draft2020-12");

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
        var remotes = TestSuite.CreateRemotesRegistry(RepositoryPaths.InShared("json-schema", "test-suite", "remotes"));
        using var skipFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Suite", "skipped.json")));
        var skips = skipFile.RootElement.GetProperty("skipped").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        return new Loaded(cases, remotes, skips);
    }

    private sealed record Loaded(Dictionary<string, SuiteCase> Cases, SchemaRegistry Remotes, Dictionary<string, string> Skips);
}
