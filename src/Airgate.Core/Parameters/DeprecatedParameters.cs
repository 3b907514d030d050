using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Parameters;

/// <summary>
/// nf-schema fails a run at start when a parameter marked <c>"deprecated": true</c> is set; Airgate refuses it before
/// Airflow sees it (SPEC 2.2). Only what the client sent counts: a deprecated parameter's default is never an error.
/// </summary>
internal static class DeprecatedParameters
{
    public const string Keyword = "deprecated";

    public static IEnumerable<ParameterError> Check(ResolvedProfile profile, JsonObject given)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, schema) in DefaultFiller.ParameterSchemas(profile.ResolvedSchema))
        {
            if (given.ContainsKey(name) && schema.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True && reported.Add(name))
            {
                yield return new ParameterError(profile.Id, Registry.JsonPointer.Append(string.Empty, name), Keyword, Message(name, schema));
            }
        }
    }

    private static string Message(string name, JsonElement schema)
    {
        var why = schema.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? description.GetString() : null;
        return string.IsNullOrWhiteSpace(why)
            ? $"'{name}' is deprecated and can no longer be set; the pipeline would refuse to start with it. Leave it out."
            : $"'{name}' is deprecated and can no longer be set; the pipeline would refuse to start with it: {why}";
    }
}
