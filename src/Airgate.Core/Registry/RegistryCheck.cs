namespace Airgate.Core.Registry;

/// <summary><c>airgate registry check &lt;dir&gt;</c> as a function: prints every problem and answers the exit code.</summary>
public static class RegistryCheck
{
    public const int ExitOk = 0;
    public const int ExitProblems = 1;
    public const int ExitNoDirectory = 2;

    /// <summary>
    /// Prints <c>file:pointer: severity: message</c> per problem and a count; 0 with no errors (and, when
    /// <paramref name="strict"/>, no warnings), 1 otherwise, 2 when the directory is missing.
    /// </summary>
    public static int Run(string directory, TextWriter output, TextWriter error, bool strict = false)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"The registry directory '{directory}' does not exist (resolved to '{Path.GetFullPath(directory)}').");
            return ExitNoDirectory;
        }

        var snapshot = RegistryLoader.Load(directory);
        return Report(snapshot, file => Path.Join(directory, file).Replace('\\', '/'), output, strict);
    }

    /// <summary>
    /// The same check over CAPE's DynamoDB tables (<c>airgate registry check</c> with <c>Airgate:Registry:Source=DynamoDb</c>):
    /// problems name the table and key (<c>table[pipeline_id=...]:/profile/...</c>); 2 when the settings are wrong or a
    /// table cannot be read.
    /// </summary>
    public static async Task<int> RunAsync(RegistryOptions options, Amazon.DynamoDBv2.IAmazonDynamoDB client, TextWriter output, TextWriter error, bool strict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        if (new RegistryOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            foreach (var failure in invalid.Failures ?? [])
            {
                await error.WriteLineAsync(failure);
            }

            return ExitNoDirectory;
        }

        try
        {
            var (items, itemProblems) = await DynamoDb.DynamoDbRegistryReader.ReadAsync(client, options.DynamoDb, cancellationToken);
            var problems = itemProblems.ToList();
            var snapshot = DynamoDb.DynamoDbPipelineRegistry.PointIntoItems(RegistryLoader.LoadItems(items, problems, previous: null), options.DynamoDb.PipelinesTable);
            return Report(snapshot, file => file, output, strict);
        }
        catch (DynamoDb.DynamoDbTableException exception)
        {
            await error.WriteLineAsync($"{exception.Message} ({DynamoDb.DynamoDbPipelineRegistry.Describe(exception.InnerException ?? exception)})");
            return ExitNoDirectory;
        }
    }

    private static int Report(RegistrySnapshot snapshot, Func<string, string> where, TextWriter output, bool strict)
    {
        foreach (var problem in snapshot.Problems)
        {
            output.WriteLine($"{where(problem.File)}:{problem.Pointer}: {(problem.Severity == ProblemSeverity.Warning ? "warning" : "error")}: {problem.Message}");
        }

        var errors = snapshot.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = snapshot.Problems.Count - errors;
        var files = snapshot.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count();
        var loaded = $"{snapshot.Profiles.Count} profiles and {snapshot.Manifests.Count} manifests";
        output.WriteLine(snapshot.Problems.Count == 0
            ? $"No problems: {loaded} loaded."
            : $"{errors} error(s) and {warnings} warning(s) in {files} file(s); {loaded} would load.{(errors == 0 && !strict ? " Warnings do not fail the check; --strict makes them." : string.Empty)}");
        return errors > 0 || (strict && warnings > 0) ? ExitProblems : ExitOk;
    }
}
