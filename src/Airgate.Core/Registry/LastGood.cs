using Airgate.Core.Manifests;
using Airgate.Core.Profiles;

namespace Airgate.Core.Registry;

/// <summary>
/// SPEC 3: a file that breaks while the service runs does not take its profile or manifest away; the last good version
/// stays in use, and a problem says so, until the file is fixed. A file that was deleted does take it away.
/// </summary>
internal static class LastGood
{
    public static IReadOnlyList<ResolvedProfile> KeepProfiles(RegistrySnapshot previous, IReadOnlyList<ResolvedProfile> resolved, IReadOnlySet<string> files, List<RegistryProblem> problems)
    {
        var ids = resolved.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var names = resolved.Select(p => p.Profile.NameAtVersion).ToHashSet(StringComparer.Ordinal);
        var loadedFiles = resolved.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        var kept = resolved.ToList();
        foreach (var old in previous.Profiles)
        {
            var broken = problems.Any(p => p.File == old.File && p.Severity == ProblemSeverity.Error);
            if (ids.Contains(old.Id) || names.Contains(old.Profile.NameAtVersion) || !files.Contains(old.File) || loadedFiles.Contains(old.File) || !broken)
            {
                continue;
            }

            kept.Add(old);
            ids.Add(old.Id);
            names.Add(old.Profile.NameAtVersion);
            problems.Add(new RegistryProblem(old.File, string.Empty, $"Because of the error(s) in this file, the last good version of the profile '{old.Id}' stays in use until the file is fixed."));
        }

        return kept;
    }

    public static IReadOnlyList<WorkflowManifest> KeepManifests(RegistrySnapshot previous, IReadOnlyList<WorkflowManifest> manifests, IReadOnlyDictionary<string, ResolvedProfile> loaded, List<RegistryProblem> problems)
    {
        var result = manifests.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var current = result[i];
            if (current.Problems.Count == 0
                || previous.FindManifest(current.DagId) is not { Problems.Count: 0 } old
                || !old.Pipelines.All(loaded.ContainsKey))
            {
                continue;
            }

            result[i] = old;
            foreach (var file in current.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal))
            {
                problems.Add(new RegistryProblem(file, string.Empty, $"Because of the error(s) in this file, the last good manifest of the workflow '{old.DagId}' stays in use until the file is fixed."));
            }
        }

        return result;
    }
}
