using System.Text.Json;

namespace Airgate.Core.Registry.Tests;

/// <summary>Finds every <c>$ref</c> in a document and resolves local ones by JSON Pointer, to prove a document is self-contained.</summary>
internal static class RefWalker
{
    public static IReadOnlyList<string> References(JsonElement element)
    {
        var found = new List<string>();
        Walk(element, found);
        return found;
    }

    /// <summary>The references that do not resolve to a value inside <paramref name="document"/>.</summary>
    public static IReadOnlyList<string> Unresolved(JsonElement document) =>
        [.. References(document).Where(r => !Resolves(document, r))];

    private static bool Resolves(JsonElement document, string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return false;
        }

        var current = document;
        foreach (var token in JsonPointer.Tokens(Uri.UnescapeDataString(reference[1..])))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static void Walk(JsonElement element, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                {
                    found.Add(property.Value.GetString() ?? string.Empty);
                }
                else if (property.Name is not ("default" or "const" or "enum" or "examples"))
                {
                    Walk(property.Value, found);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, found);
            }
        }
    }
}
