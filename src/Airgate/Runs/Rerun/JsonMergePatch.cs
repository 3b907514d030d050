using System.Text.Json.Nodes;

namespace Airgate.Runs.Rerun;

/// <summary>
/// JSON Merge Patch (RFC 7386): a patch object's members replace the target's, recursively for objects; a null
/// member removes one; any patch that is not an object replaces the target whole.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }

    /// <summary>The JSON Pointers a patch sets or removes: its leaves (a nested object is walked, anything else is a leaf).</summary>
    public static IEnumerable<string> Leaves(JsonNode? patch, string pointer = "")
    {
        if (patch is not JsonObject patchObject)
        {
            yield return pointer;
            yield break;
        }

        foreach (var (name, value) in patchObject)
        {
            foreach (var leaf in Leaves(value, Core.Registry.JsonPointer.Append(pointer, name)))
            {
                yield return leaf;
            }
        }
    }
}
