using System.Text.Json;
using System.Text.RegularExpressions;
using Airgate.Core.Registry;

namespace Airgate.Core.Manifests;

/// <summary>Reads a manifest: native <c>{dag_id, pipelines, tasks}</c> or compatible <c>{dag_id, pipeline_ids}</c>.</summary>
internal static partial class ManifestReader
{
    public static bool LooksLikeManifest(JsonElement root) => root.TryGetProperty("dag_id", out _);

    public static ManifestFile? Read(string file, JsonElement root, List<RegistryProblem> problems)
    {
        var reader = new DocumentReader(file, root, problems);
        var dagId = reader.String("dag_id", required: true);
        if (dagId is not null && !DagIdRegex().IsMatch(dagId))
        {
            reader.Problem("/dag_id", $"'{dagId}' is not a valid dag_id: Airflow allows letters, digits, '.', '_' and '-' (at most 250).");
        }

        var hasNative = reader.Has("pipelines");
        var hasCompatible = reader.Has("pipeline_ids");
        if (hasNative && hasCompatible)
        {
            reader.Problem(string.Empty, "The manifest has both 'pipelines' and 'pipeline_ids'; keep one.");
        }

        var field = hasCompatible && !hasNative ? "pipeline_ids" : "pipelines";
        var pipelines = reader.StringArray(field, required: true);
        var tasks = ReadTasks(reader);
        if (reader.HasProblems || dagId is null || pipelines is null)
        {
            return null;
        }

        return new ManifestFile(new WorkflowManifest { DagId = dagId, Pipelines = pipelines, Tasks = tasks }, file, field);
    }

    /// <summary>The dag_id of a manifest that failed to read, when it is a valid one: its workflow must still refuse triggers.</summary>
    public static ManifestFile? Placeholder(string file, JsonElement root) =>
        root.TryGetProperty("dag_id", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } dagId && DagIdRegex().IsMatch(dagId)
            ? new ManifestFile(new WorkflowManifest { DagId = dagId, Pipelines = [] }, file, "pipelines") { Broken = true }
            : null;

    private static Dictionary<string, IReadOnlyList<string>> ReadTasks(DocumentReader reader)
    {
        var tasks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.Element("tasks") is not { } element)
        {
            return tasks;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Problem("/tasks", $"'tasks' must be an object mapping task ids to lists of profile ids, not {DocumentReader.Describe(element)}.");
            return tasks;
        }

        foreach (var task in element.EnumerateObject())
        {
            var pointer = JsonPointer.Append("/tasks", task.Name);
            if (reader.StringArray(task.Value, pointer, task.Name, required: true) is { } ids)
            {
                tasks[task.Name] = ids;
            }
        }

        return tasks;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,250}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DagIdRegex();
}
