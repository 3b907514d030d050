using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Core.Profiles;

/// <summary>A profile in the native snake_case answer shape (SPEC 4), whatever form its file used.</summary>
public static class ProfileJson
{
    /// <summary>
    /// <c>{id, name, version, description, type, project, runnable, inherits, parameters_schema, ui_schema, submission}</c>;
    /// with <paramref name="resolved"/> the schema is the resolved one (ancestors under <c>$defs</c>), else as written.
    /// </summary>
    public static JsonObject ToNative(ResolvedProfile profile, bool resolved)
    {
        var p = profile.Profile;
        return new JsonObject
        {
            ["id"] = p.Id,
            ["name"] = p.Name,
            ["version"] = p.Version,
            ["description"] = p.Description,
            ["type"] = p.Type,
            ["project"] = p.Project,
            ["runnable"] = p.Runnable,
            ["inherits"] = new JsonArray([.. p.Inherits.Select(i => (JsonNode?)i)]),
            ["parameters_schema"] = Node(resolved ? profile.ResolvedSchema : p.ParametersSchema),
            ["ui_schema"] = p.UiSchema is { } ui ? Node(ui) : null,
            ["submission"] = new JsonObject
            {
                ["options_field"] = p.Submission.OptionsField,
                ["encoding"] = SubmissionSettings.EncodingName(p.Submission.Encoding),
            },
        };
    }

    private static JsonNode? Node(JsonElement element) => JsonNode.Parse(element.GetRawText());
}
