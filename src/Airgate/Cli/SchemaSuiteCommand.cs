using System.CommandLine;
using Airgate.JsonSchema.Suite;

namespace Airgate.Cli;

/// <summary><c>airgate schema suite &lt;dir&gt;</c>: runs a folder in the JSON-Schema-Test-Suite format and prints the tally.</summary>
internal static class SchemaSuiteCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The suite's root folder (tests/draft2020-12 and remotes are found in it) or a folder of suite files, e.g. tests/draft2020-12." };
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

            // The suite's own root holds tests/draft2020-12 and remotes: accept it as well as the test folder itself.
            var defaultRemotes = Path.GetFullPath(Path.Combine(dir.FullName, "..", "..", "remotes"));
            var rootTests = new DirectoryInfo(Path.Combine(dir.FullName, "tests", "draft2020-12"));
            if (rootTests.Exists)
            {
                defaultRemotes = Path.Combine(dir.FullName, "remotes");
                dir = rootTests;
            }

            var remotesDir = parseResult.GetValue(remotes)?.FullName ?? defaultRemotes;
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
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var remotes = Directory.Exists(remotesDirectory) ? TestSuite.CreateRemotesRegistry(remotesDirectory) : new Airgate.JsonSchema.SchemaRegistry();
        var passed = 0;
        var failed = 0;
        var dialect = TestSuite.DialectOf(directory);
        foreach (var suiteCase in cases)
        {
            var options = TestSuite.OptionsFor(suiteCase, remotes, dialect);
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
