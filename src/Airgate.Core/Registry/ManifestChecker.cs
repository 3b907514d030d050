using Airgate.Core.Manifests;
using Airgate.Core.Profiles;

namespace Airgate.Core.Registry;

/// <summary>
/// Checks manifests against the profiles and normalises their references to ids. A manifest with a problem is kept, with
/// its problems, so its workflow refuses triggers instead of falling back to unvalidated parameters (SPEC 3).
/// </summary>
internal static class ManifestChecker
{
    public static IReadOnlyList<WorkflowManifest> Check(
        IReadOnlyList<ManifestFile> files,
        ProfileIndex index,
        IReadOnlyDictionary<string, ResolvedProfile> loaded,
        List<RegistryProblem> problems)
    {
        var manifests = new List<WorkflowManifest>();
        foreach (var group in files.GroupBy(f => f.Manifest.DagId, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var before = problems.Count;
            if (members.Count > 1)
            {
                foreach (var file in members)
                {
                    var others = string.Join(", ", members.Where(d => d != file).Select(d => d.File));
                    problems.Add(new RegistryProblem(file.File, "/dag_id", $"The dag_id '{file.Manifest.DagId}' also has a manifest in {others}; keep one manifest per workflow. Until then the workflow refuses triggers."));
                }

                manifests.Add(new WorkflowManifest { DagId = group.Key, Pipelines = [], Problems = problems[before..] });
                continue;
            }

            var only = members[0];
            var ids = only.Broken ? [] : Pipelines(only, index, loaded, problems);
            var tasks = only.Broken ? [] : Tasks(only, ids, index, problems);
            var own = problems[before..];
            if (only.Broken)
            {
                own = [.. problems.Where(p => p.File == only.File && p.Severity == ProblemSeverity.Error)];
            }

            manifests.Add(only.Manifest with { Pipelines = ids, Tasks = tasks, Problems = own });
        }

        return manifests;
    }

    private static List<string> Pipelines(ManifestFile file, ProfileIndex index, IReadOnlyDictionary<string, ResolvedProfile> loaded, List<RegistryProblem> problems)
    {
        var ids = new List<string>();
        for (var i = 0; i < file.Manifest.Pipelines.Count; i++)
        {
            var reference = file.Manifest.Pipelines[i];
            var pointer = JsonPointer.Append(JsonPointer.Append(string.Empty, file.PipelinesField), i);
            var target = index.Find(reference, allowStem: false);
            string? message = null;
            if (target is null)
            {
                message = $"Unknown pipeline: {index.Unknown(reference, allowStem: false)} The workflow refuses triggers until it is fixed.";
            }
            else if (!loaded.ContainsKey(target.Profile.Id))
            {
                var cause = problems.FirstOrDefault(p => (p.File == target.File || p.File == target.SchemaFileName) && p.Severity == ProblemSeverity.Error);
                message = $"The pipeline '{reference}' ({target.File}) is not loaded because of its own problems{(cause is null ? "" : $" ({cause})")}, so the workflow refuses triggers until it is fixed.";
            }
            else if (!target.Profile.Runnable)
            {
                message = $"The pipeline '{reference}' is not runnable (a base profile that only exists to be inherited); name a runnable profile.";
            }
            else if (ids.Contains(target.Profile.Id, StringComparer.Ordinal))
            {
                message = $"The pipeline '{reference}' is listed more than once.";
            }

            if (message is not null)
            {
                problems.Add(new RegistryProblem(file.File, pointer, message));
            }
            else if (target is not null)
            {
                ids.Add(target.Profile.Id);
            }
        }

        return ids;
    }

    private static bool NamesAManifestPipeline(ManifestFile file, ProfileIndex index, string reference, string? id) =>
        file.Manifest.Pipelines.Any(p => p == reference || (id is not null && index.Find(p, allowStem: false)?.Profile.Id == id));

    private static Dictionary<string, IReadOnlyList<string>> Tasks(ManifestFile file, List<string> pipelineIds, ProfileIndex index, List<RegistryProblem> problems)
    {
        var tasks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (taskId, references) in file.Manifest.Tasks)
        {
            var ids = new List<string>();
            for (var i = 0; i < references.Count; i++)
            {
                var id = index.Find(references[i], allowStem: false)?.Profile.Id;
                if (id is not null && pipelineIds.Contains(id, StringComparer.Ordinal))
                {
                    ids.Add(id);
                }
                else if (NamesAManifestPipeline(file, index, references[i], id))
                {
                    // A pipeline of this manifest that did not load: its /pipelines entry already has the one problem
                    // that explains why, so the workflow is refused for one cause, named once.
                    continue;
                }
                else
                {
                    var pointer = JsonPointer.Append(JsonPointer.Append("/tasks", taskId), i);
                    problems.Add(new RegistryProblem(file.File, pointer, $"The task '{taskId}' names '{references[i]}', which is not one of this manifest's pipelines ({string.Join(", ", file.Manifest.Pipelines)})."));
                }
            }

            tasks[taskId] = ids;
        }

        return tasks;
    }
}
