using System.Text.Json;

namespace Airgate.Core.Registry;

/// <summary>
/// The registry's parsed JSON files, for profiles that take their parameter schema from a file of its own
/// (<c>parameters_schema_file</c>, e.g. a pipeline's <c>nextflow_schema.json</c> used byte for byte). Remembers which
/// files were used that way, so they are not reported as neither profile nor manifest.
/// </summary>
internal sealed class SchemaFiles(IReadOnlyDictionary<string, JsonElement> parsed, IReadOnlySet<string> unparsable)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public bool IsUsed(string file) => _used.Contains(file);

    /// <summary>The schema named by <paramref name="reference"/>, relative to <paramref name="profileFile"/>'s folder; null with a reason when there is none.</summary>
    public JsonElement? Find(string profileFile, string reference, out string? file, out string? problem)
    {
        file = Normalise(profileFile, reference);
        if (file is null)
        {
            problem = $"'{reference}' must be a relative path to a JSON file inside the registry directory (no absolute paths, no '..' above the registry).";
            return null;
        }

        _used.Add(file);
        if (parsed.TryGetValue(file, out var schema))
        {
            problem = null;
            return schema;
        }

        problem = unparsable.Contains(file)
            ? $"The schema file '{file}' cannot be used: it is not valid JSON (see its own problem)."
            : $"The schema file '{file}' does not exist in the registry directory (only *.json files below it are read).";
        return null;
    }

    private static string? Normalise(string profileFile, string reference)
    {
        if (reference.Length == 0 || Path.IsPathRooted(reference) || reference.Contains('\\', StringComparison.Ordinal) || reference.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var slash = profileFile.LastIndexOf('/');
        var parts = new List<string>(slash < 0 ? [] : profileFile[..slash].Split('/'));
        foreach (var part in reference.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
