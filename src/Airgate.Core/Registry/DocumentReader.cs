using System.Text.Json;

namespace Airgate.Core.Registry;

/// <summary>Reads typed fields from one registry file, recording a problem for each wrong or missing one instead of stopping.</summary>
internal sealed class DocumentReader(string file, JsonElement root, List<RegistryProblem> problems)
{
    private readonly int _problemsAtStart = problems.Count;

    public string File => file;

    public JsonElement Root => root;

    public bool HasProblems => problems.Count > _problemsAtStart;

    public void Problem(string pointer, string message) => problems.Add(new RegistryProblem(file, pointer, message));

    public bool Has(string name) => root.TryGetProperty(name, out _);

    public JsonElement? Element(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(string name, bool required) => String(root, string.Empty, name, required);

    public string? String(JsonElement parent, string parentPointer, string name, bool required)
    {
        var pointer = JsonPointer.Append(parentPointer, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(pointer, $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(pointer, $"'{name}' must be a string, not {Describe(value)}.");
            return null;
        }

        var text = value.GetString() ?? string.Empty;
        if (required && text.Length == 0)
        {
            Problem(pointer, $"'{name}' must not be empty.");
            return null;
        }

        return text;
    }

    public bool? Boolean(string name)
    {
        if (Element(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(JsonPointer.Append(string.Empty, name), $"'{name}' must be true or false, not {Describe(value)}.");
        return null;
    }

    public IReadOnlyList<string>? StringArray(string name, bool required) =>
        StringArray(Element(name), JsonPointer.Append(string.Empty, name), name, required);

    public IReadOnlyList<string>? StringArray(JsonElement? element, string pointer, string name, bool required)
    {
        if (element is not { } value)
        {
            if (required)
            {
                Problem(pointer, $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(pointer, $"'{name}' must be an array of strings, not {Describe(value)}.");
            return null;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                items.Add(text);
            }
            else
            {
                Problem(JsonPointer.Append(pointer, index), $"Each entry of '{name}' must be a non-empty string, not {Describe(item)}.");
            }

            index++;
        }

        return items;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
