using Airgate.Airflow.Models;

namespace Airgate.Airflow.Http;

/// <summary>What a run patch may ask of Airflow, on either API: checked before sending, so a refusal names the field.</summary>
internal static class DagRunPatchRules
{
    public static readonly string[] Fields = ["state", "note"];

    public static readonly string[] States = ["queued", "success", "failed"];

    /// <summary>Null when the patch may be sent, with the fields it updates in <paramref name="mask"/>; else why not.</summary>
    public static string? Check(string dagId, string dagRunId, DagRunPatch patch, IReadOnlyList<string>? updateMask, out IReadOnlyList<string> mask)
    {
        var given = new List<string>();
        if (patch.State is not null)
        {
            given.Add("state");
        }

        if (patch.Note is not null)
        {
            given.Add("note");
        }

        mask = [.. (updateMask ?? given).Distinct(StringComparer.Ordinal)];
        var problem = AirflowRequestPath.CheckId("dag_id", dagId) ?? AirflowRequestPath.CheckId("dag_run_id", dagRunId);
        if (problem is null && mask.FirstOrDefault(f => !Fields.Contains(f, StringComparer.Ordinal)) is { } unknown)
        {
            problem = $"update_mask field '{unknown}' is not one of: {string.Join(", ", Fields)}.";
        }

        if (problem is null && mask.Count == 0)
        {
            problem = "The patch changes nothing: give a state, a note or an update_mask.";
        }

        if (problem is null && patch.State is not null && !States.Contains(patch.State, StringComparer.Ordinal))
        {
            problem = $"state '{patch.State}' is not one of: {string.Join(", ", States)}.";
        }

        if (problem is null && patch.Note is { Length: > 1000 })
        {
            problem = "note must be at most 1000 characters.";
        }

        return problem;
    }
}
