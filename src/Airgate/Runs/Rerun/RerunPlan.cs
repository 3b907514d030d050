using System.Text.Json.Nodes;
using Airgate.Core.Manifests;
using Airgate.Core.Parameters;
using Airgate.Core.Registry;

namespace Airgate.Runs.Rerun;

/// <summary>
/// Turns an old run's parameters and a rerun's merge patches into an ordinary trigger body, so the rerun is validated
/// by exactly the trigger's path against the registry as it is now. The base is what the client sent for the old run
/// (so defaults come from the profiles as they are now); runs recorded before that was kept start from the filled
/// parameters instead. Also answers which pointers the patches touched, to tell the user's changes from defaults'.
/// </summary>
internal sealed record RerunPlan(JsonObject? TriggerBody, IReadOnlyList<ParameterError> Errors, IReadOnlyDictionary<string, IReadOnlyList<string>> Touched)
{
    /// <summary>The key of <see cref="Touched"/> for an Airflow Params workflow (it has no pipelines).</summary>
    public const string ParamsKey = "";

    public static RerunPlan Build(StartedWith old, RerunRequest request, RegistrySnapshot registry, WorkflowManifest? manifest)
    {
        var errors = new List<ParameterError>();
        var touched = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var body = new JsonObject();
        if (manifest is null)
        {
            if (request.Pipelines.Count > 0)
            {
                errors.Add(new(null, "/pipelines", RequestKeywords.WrongForm, "This workflow has no pipeline manifest; correct its Airflow Params with {\"params\": {...}}."));
            }

            var start = old.SentParams ?? old.Params ?? [];
            body["params"] = request.Params is null ? start.DeepClone() : JsonMergePatch.Apply(start, request.Params);
            touched[ParamsKey] = request.Params is null ? [] : [.. JsonMergePatch.Leaves(request.Params).Select(p => "/params" + p)];
        }
        else
        {
            if (request.Params is not null)
            {
                errors.Add(new(null, "/params", RequestKeywords.WrongForm, $"The workflow '{manifest.DagId}' runs pipelines; correct their parameters with {{\"pipelines\": {{\"<pipeline id>\": {{...}}}}}}."));
            }

            var pipelines = Start(old);
            foreach (var (reference, patch, pointer) in request.Pipelines)
            {
                if (registry.FindProfile(reference) is not { } profile)
                {
                    errors.Add(new(reference, string.Empty, RequestKeywords.UnknownPipeline, $"'{reference}' is not a pipeline id or name@version in the registry (at {pointer})."));
                    continue;
                }

                if (touched.ContainsKey(profile.Id))
                {
                    errors.Add(new(profile.Id, string.Empty, RequestKeywords.Duplicate, $"The pipeline '{profile.Id}' is given more than once (again as '{reference}' at {pointer})."));
                    continue;
                }

                // A null patch leaves the pipeline's own values out (a pipeline the workflow still runs gets its defaults).
                touched[profile.Id] = patch is null ? [string.Empty] : [.. JsonMergePatch.Leaves(patch)];
                if (patch is null)
                {
                    pipelines.Remove(profile.Id);
                }
                else
                {
                    pipelines[profile.Id] = JsonMergePatch.Apply(pipelines[profile.Id], patch);
                }
            }

            body["pipelines"] = pipelines;
        }

        if (request.Note is not null)
        {
            body["note"] = request.Note;
        }

        return new RerunPlan(errors.Count == 0 ? body : null, errors, touched);
    }

    private static JsonObject Start(StartedWith old)
    {
        var start = new JsonObject();
        if (old.SentPipelines is { } sent)
        {
            foreach (var (id, parameters) in sent)
            {
                start[id] = parameters?.DeepClone() ?? new JsonObject();
            }

            return start;
        }

        foreach (var pipeline in old.Pipelines)
        {
            start[pipeline.Id] = pipeline.Parameters?.DeepClone() ?? new JsonObject();
        }

        return start;
    }
}
