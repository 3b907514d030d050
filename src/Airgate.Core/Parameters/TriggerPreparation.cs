using System.Text.Json;
using Airgate.Core.Manifests;
using Airgate.Core.Registry;

namespace Airgate.Core.Parameters;

/// <summary>Parse, fill, validate, build the conf and fingerprint, in one call for the runs endpoint and dry runs.</summary>
public static class TriggerPreparation
{
    /// <param name="dagId">The workflow being triggered.</param>
    /// <param name="body">The request body.</param>
    /// <param name="registry">One snapshot, read once for the whole request.</param>
    /// <param name="manifest">The workflow's manifest, or null when it has none.</param>
    /// <param name="dagParams">The DAG's Airflow Params schema when it has no manifest (null: no Params declared).</param>
    /// <param name="user">The authenticated user, written into the conf's identity block.</param>
    /// <param name="options">Conf key names.</param>
    public static PreparedTrigger Prepare(
        string dagId,
        JsonElement body,
        RegistrySnapshot registry,
        WorkflowManifest? manifest,
        DagParamsSchema? dagParams,
        TriggeringUser user,
        ConfOptions? options = null)
    {
        var parsed = TriggerRequestParser.Parse(body, registry, manifest);
        if (parsed.Request is not { } request)
        {
            return new PreparedTrigger { Errors = parsed.Errors };
        }

        // Parameters of the pipelines that did resolve are checked even when the request has other errors: one answer, every error.
        var validated = ParameterValidator.Validate(request, dagParams);
        var fingerprint = parsed.Errors.Count == 0 ? RequestFingerprint.Compute(dagId, request) : null;
        if (validated.Undetermined)
        {
            // Fail closed without blaming the client: a busy machine is not a bad parameter.
            return new PreparedTrigger { Request = parsed.Errors.Count == 0 ? request : null, Errors = [.. parsed.Errors, .. validated.Errors], Fingerprint = fingerprint, Undetermined = true };
        }

        if (parsed.Errors.Count > 0 || !validated.IsValid)
        {
            return new PreparedTrigger { Request = parsed.Errors.Count == 0 ? request : null, Errors = [.. parsed.Errors, .. validated.Errors], Fingerprint = fingerprint };
        }

        var conf = request.Form == TriggerRequestForm.DagParams
            ? ConfBuilder.BuildForDagParams(validated.DagParams ?? [], user, options)
            : ConfBuilder.Build(validated.Pipelines, user, options);
        return new PreparedTrigger { Request = request, Conf = conf, Fingerprint = fingerprint, Pipelines = validated.Pipelines };
    }
}
