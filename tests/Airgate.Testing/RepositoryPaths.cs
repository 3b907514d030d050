namespace Airgate.Testing;

/// <summary>Finds the repository root and the read-only <c>shared</c> folder beside it, wherever the tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<string> LazyShared = new(FindShared);

    /// <summary>The repository root (the folder holding <c>Airgate.slnx</c>).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared folder (<c>SPEC.md</c>, Airflow specs, JSON-Schema-Test-Suite): <c>AIRGATE_SHARED_DIR</c>, or the nearest <c>shared</c> folder above the repository.</summary>
    public static string Shared => LazyShared.Value;

    /// <summary>A path inside the shared folder; throws when it does not exist so a missing fixture fails loudly.</summary>
    public static string InShared(params string[] parts)
    {
        var path = Path.Combine([Shared, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"The shared fixture '{path}' is missing; set AIRGATE_SHARED_DIR to the shared folder.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Airgate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Airgate.slnx above {AppContext.BaseDirectory}.");
    }

    private static string FindShared()
    {
        if (Environment.GetEnvironmentVariable("AIRGATE_SHARED_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "SPEC.md")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared folder (with SPEC.md) above {Root}; set AIRGATE_SHARED_DIR.");
    }
}
