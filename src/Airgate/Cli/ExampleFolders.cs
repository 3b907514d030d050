namespace Airgate.Cli;

/// <summary>Finds the repository's <c>examples</c> folders from the working directory or from the build output.</summary>
internal static class ExampleFolders
{
    public static string? Find(params string[] parts)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine([dir.FullName, .. parts]);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
