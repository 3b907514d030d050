using System.Text.Json;

namespace Airgate.JsonSchema.Suite;

/// <summary>Reads and runs folders in the JSON-Schema-Test-Suite format, for the tests and <c>airgate schema suite</c>.</summary>
public static class TestSuite
{
    /// <summary>The base URI under which the suite's tests expect the <c>remotes</c> folder.</summary>
    public static readonly Uri RemotesBase = new("http://localhost:1234/");

    /// <summary>Reads every case of every <c>*.json</c> file below <paramref name="directory"/>; throws when there is none.</summary>
    public static IReadOnlyList<SuiteCase> ReadCases(string directory, bool recursive = true)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The test-suite folder '{directory}' does not exist.");
        }

        var cases = new List<SuiteCase>();
        var files = Directory.GetFiles(directory, "*.json", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = Path.ChangeExtension(Path.GetRelativePath(directory, path), null).Replace('\\', '/');
            try
            {
                ReadFile(file, File.ReadAllText(path), cases);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                // One line a person can act on, never a stack trace.
                var why = e is JsonException ? $"not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')})" : "not a test-suite file: expected an array of {description, schema, tests: [{description, data, valid}]} groups";
                throw new InvalidDataException($"{path}: {why}.", e);
            }
        }

        if (cases.Count == 0)
        {
            throw new InvalidDataException($"The test-suite folder '{directory}' holds no cases.");
        }

        return cases;
    }

    private static void ReadFile(string file, string text, List<SuiteCase> cases)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        foreach (var group in document.RootElement.EnumerateArray())
        {
            var groupName = group.GetProperty("description").GetString() ?? string.Empty;
            var schema = group.GetProperty("schema").Clone();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var description = test.GetProperty("description").GetString() ?? string.Empty;
                var unique = description;
                for (var n = 2; !seen.Add(unique); n++)
                {
                    unique = $"{description} ({n})";
                }

                cases.Add(new SuiteCase(file, groupName, unique, schema, test.GetProperty("data").Clone(), test.GetProperty("valid").GetBoolean()));
            }
        }
    }

    /// <summary>A registry holding every <c>*.json</c> below <paramref name="remotesDirectory"/> under <see cref="RemotesBase"/>.</summary>
    public static SchemaRegistry CreateRemotesRegistry(string remotesDirectory)
    {
        var registry = new SchemaRegistry();
        foreach (var path in Directory.GetFiles(remotesDirectory, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(remotesDirectory, path).Replace('\\', '/');
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            registry.Register(new Uri(RemotesBase, relative), document.RootElement);
        }

        return registry;
    }

    /// <summary>The draft a suite folder tests, by its name (<c>draft7</c>, <c>draft2019-09</c>), as the <c>$schema</c> its schemas assume; null (2020-12) for any other.</summary>
    public static Uri? DialectOf(string directory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)) switch
    {
        "draft7" => MetaSchemas.Draft7,
        "draft2019-09" => MetaSchemas.Draft201909,
        _ => null,
    };

    /// <summary>Options for a case: format is asserted for the <c>optional/format</c> files, as the suite intends; schemas without <c>$schema</c> follow <paramref name="dialect"/>.</summary>
    public static SchemaOptions OptionsFor(SuiteCase suiteCase, SchemaRegistry remotes, Uri? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        return new SchemaOptions
        {
            DefaultDialect = dialect,
            Registry = remotes,
            AssertFormat = suiteCase.File.Contains("format/", StringComparison.Ordinal),
        };
    }

    /// <summary>Compiles the case's schema, evaluates its instance both ways and compares with the expected validity.</summary>
    public static SuiteOutcome Run(SuiteCase suiteCase, SchemaOptions options)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        CompiledSchema schema;
        try
        {
            schema = CompiledSchema.Compile(suiteCase.Schema, options);
        }
        catch (InvalidSchemaException e)
        {
            return new SuiteOutcome(false, $"the schema did not compile: {e.Message} (at {e.SchemaLocation})");
        }

        var result = schema.Evaluate(suiteCase.Data);
        var fast = schema.IsValid(suiteCase.Data);
        if (result.IsValid != suiteCase.Valid)
        {
            var errors = string.Join("; ", result.Errors.Select(e => $"{e.InstanceLocation} {e.KeywordLocation}: {e.Message}"));
            return new SuiteOutcome(false, $"expected {(suiteCase.Valid ? "valid" : "invalid")} but was {(result.IsValid ? "valid" : "invalid: " + errors)}");
        }

        if (fast != suiteCase.Valid)
        {
            return new SuiteOutcome(false, $"Evaluate agreed with the suite but IsValid answered {fast}");
        }

        return new SuiteOutcome(true, null);
    }
}
