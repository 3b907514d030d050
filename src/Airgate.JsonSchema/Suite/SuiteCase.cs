using System.Text.Json;

namespace Airgate.JsonSchema.Suite;

/// <summary>One test of a JSON-Schema-Test-Suite file: a schema, an instance and the expected validity.</summary>
/// <param name="File">The file's path below the suite folder, without <c>.json</c>, with '/' separators.</param>
/// <param name="Group">The description of the group (one schema).</param>
/// <param name="Description">The description of the test.</param>
/// <param name="Schema">The group's schema.</param>
/// <param name="Data">The instance.</param>
/// <param name="Valid">The expected outcome.</param>
public sealed record SuiteCase(string File, string Group, string Description, JsonElement Schema, JsonElement Data, bool Valid)
{
    /// <summary>The case's name, <c>file/group/test</c>.</summary>
    public string Id => $"{File}/{Group}/{Description}";
}
