using System.CommandLine;
using Airgate.JsonSchema.Suite;

namespace Airgate.Cli;

/// <summary><c>airgate schema suite &lt;dir&gt;</c>: runs a folder in the JSON-Schema-Test-Suite format and prints the tally.</summary>
internal static class SchemaSuiteCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A folder of suite files, e.g. tests/draft2020-12." };
        var remotes = new Option<DirectoryInfo?>("--remotes") { Description = "The remotes folder served as http://localhost:1234/ (default: <dir>/../../remotes)." };
        var assertFormat = new Option<bool>("--assert-format") { Description = "Assert 'format' in every file (it is always asserted in files under a 'format' folder)." };
        var command = new Command("suite", "Run JSON-Schema-Test-Suite files; prints failures and 'N passed, N failed', exits 1 if any failed.")
        {
            directory, remotes, assertFormat,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var dir = parseResult.GetValue(directory);
            if (dir is null || !dir.Exists)
            {
                Console.Error.WriteLine($"The folder '{dir?.FullName}' does not exist.");
                return Task.FromResult(2);
            }

            var remotesDir = parseResult.GetValue(remotes)?.FullName ?? Path.GetFullPath(Path.Combine(dir.FullName, "..", "..", "remotes"));
            var everyFormat = parseResult.GetValue(assertFormat) || dir.Name == "format";
            return Task.FromResult(Run(dir.FullName, remotesDir, everyFormat));
        });
        return command;
    }

    private static int Run(string directory, string remotesDirectory, bool assertFormat)
    {
        IReadOnlyList<SuiteCase> cases;
        try
        {
            cases = TestSuite.ReadCases(directory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var remotes = Directory.Exists(remotesDirectory) ? TestSuite.CreateRemotesRegistry(remotesDirectory) : new Airgate.JsonSchema.SchemaRegistry();
        var passed = 0;
        var failed = 0;
        foreach (var suiteCase in cases)
        {
            var options = TestSuite.OptionsFor(suiteCase, remotes);
            var outcome = TestSuite.Run(suiteCase, assertFormat ? options with { AssertFormat = true } : options);
            if (outcome.Passed)
            {
                passed++;
            }
            else
            {
                failed++;
                Console.Out.WriteLine($"FAIL {suiteCase.Id}: {outcome.Detail}");
            }
        }

        Console.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
