using System.Text.Json;
using Airgate.Airflow.Models;

namespace Airgate.Runs;

/// <summary>
/// Reads a stop body strictly: <c>{"state": "failed"|"success", "note": "..."}</c>, nothing else. An empty body, or
/// one without a state, stops the run (<c>failed</c>); <c>queued</c> is refused because re-running is not stopping.
/// </summary>
internal static class StopRequest
{
    public const int MaxNoteLength = 1000;
    private static readonly string[] States = ["failed", "success"];
    private static readonly string[] MaskFields = ["state", "note"];

    public static (DagRunPatch? Patch, List<string> Errors) Parse(JsonElement? body, IReadOnlyList<string> updateMask)
    {
        List<string> errors = [];
        foreach (var field in updateMask.Where(f => !MaskFields.Contains(f, StringComparer.Ordinal)))
        {
            errors.Add($"update_mask '{field}' is not one of: state, note.");
        }

        string state = "failed";
        string? note = null;
        if (body is { } json)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                return (null, ["The body must be a JSON object such as {\"state\": \"failed\", \"note\": \"...\"}."]);
            }

            foreach (var property in json.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "state" when property.Value.ValueKind == JsonValueKind.String && States.Contains(property.Value.GetString(), StringComparer.Ordinal):
                        state = property.Value.GetString() ?? state;
                        break;
                    case "state":
                        errors.Add("'state' must be \"failed\" (stop the run) or \"success\" (finish it).");
                        break;
                    case "note" when property.Value.ValueKind == JsonValueKind.Null:
                        break;
                    case "note" when property.Value.ValueKind == JsonValueKind.String:
                        note = property.Value.GetString();
                        if (note?.Length > MaxNoteLength)
                        {
                            errors.Add($"'note' must be at most {MaxNoteLength} characters.");
                        }

                        break;
                    case "note":
                        errors.Add("'note' must be a string or null.");
                        break;
                    default:
                        errors.Add($"'{property.Name}' is not a field of a stop request (only state and note).");
                        break;
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (new DagRunPatch { State = state, Note = note }, errors);
    }
}
