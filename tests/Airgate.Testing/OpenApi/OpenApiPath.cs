namespace Airgate.Testing.OpenApi;

/// <summary>One path template of the spec and its operations.</summary>
internal sealed class OpenApiPath
{
    private readonly string?[] _segments;
    private readonly string[] _names;

    public OpenApiPath(string template, IReadOnlyDictionary<string, OpenApiOperation> operations)
    {
        Template = template;
        Operations = operations;
        _segments = [.. template.Split('/').Select(s => s.StartsWith('{') && s.EndsWith('}') ? null : s)];
        Specificity = [.. _segments.Select(s => s is null ? 0 : 1)];
        _names = [.. template.Split('/').Select(s => s.Trim('{', '}'))];
    }

    public string Template { get; }

    public IReadOnlyDictionary<string, OpenApiOperation> Operations { get; }

    public int[] Specificity { get; }

    public Dictionary<string, string>? Match(string[] decoded)
    {
        if (decoded.Length != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < decoded.Length; i++)
        {
            if (_segments[i] is { } literal)
            {
                if (!string.Equals(literal, decoded[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }
            else if (decoded[i].Length == 0)
            {
                return null;
            }
            else
            {
                values[_names[i]] = decoded[i];
            }
        }

        return values;
    }
}
