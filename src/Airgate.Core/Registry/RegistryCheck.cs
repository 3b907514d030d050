namespace Airgate.Core.Registry;

/// <summary><c>airgate registry check &lt;dir&gt;</c> as a function: prints every problem and answers the exit code.</summary>
public static class RegistryCheck
{
    public const int ExitOk = 0;
    public const int ExitProblems = 1;
    public const int ExitNoDirectory = 2;

    /// <summary>Prints <c>file:pointer: message</c> per problem and a count; 0 when clean, 1 with problems, 2 when the directory is missing.</summary>
    public static int Run(string directory, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"The registry directory '{directory}' does not exist (resolved to '{Path.GetFullPath(directory)}').");
            return ExitNoDirectory;
        }

        var snapshot = RegistryLoader.Load(directory);
        foreach (var problem in snapshot.Problems)
        {
            output.WriteLine($"{Path.Join(directory, problem.File).Replace('\\', '/')}:{problem.Pointer}: {problem.Message}");
        }

        var files = snapshot.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine(snapshot.Problems.Count == 0
            ? $"No problems: {snapshot.Profiles.Count} profiles and {snapshot.Manifests.Count} manifests loaded."
            : $"{snapshot.Problems.Count} problem(s) in {files} file(s); {snapshot.Profiles.Count} profiles and {snapshot.Manifests.Count} manifests would load.");
        return snapshot.Problems.Count == 0 ? ExitOk : ExitProblems;
    }
}
