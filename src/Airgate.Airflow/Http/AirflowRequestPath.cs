using System.Globalization;
using System.Text;

namespace Airgate.Airflow.Http;

/// <summary>Builds <c>/api/v2</c> (or <c>/api/v1</c>) paths and queries with every segment percent-encoded, so no id can reach another path.</summary>
internal sealed class AirflowRequestPath
{
    private readonly StringBuilder _path;
    private readonly StringBuilder _query = new();
    private readonly StringBuilder _template;

    private AirflowRequestPath(AirflowApiVersion version)
    {
        Version = version;
        var root = version == AirflowApiVersion.V1 ? "api/v1" : "api/v2";
        _path = new StringBuilder(root);
        _template = new StringBuilder("/" + root);
    }

    /// <summary>The API the path belongs to, which decides how the request is authenticated.</summary>
    public AirflowApiVersion Version { get; }

    /// <summary>The path without the query, safe to log.</summary>
    public string Path => _path.ToString();

    /// <summary>The relative path and query, to append to the base URL.</summary>
    public string PathAndQuery => _query.Length == 0 ? Path : $"{Path}?{_query}";

    /// <summary>The path with each id as <c>{id}</c>: a low-cardinality name for metrics (<c>/api/v2/dags/{id}/dagRuns</c>).</summary>
    public string Template => _template.ToString();

    public static AirflowRequestPath Api() => new(AirflowApiVersion.V2);

    /// <summary>A path under Airflow 2's <c>/api/v1</c>.</summary>
    public static AirflowRequestPath ApiV1() => new(AirflowApiVersion.V1);

    /// <summary>Appends a literal segment of our own (never user input).</summary>
    public AirflowRequestPath Literal(string segment)
    {
        _path.Append('/').Append(segment);
        _template.Append('/').Append(segment);
        return this;
    }

    /// <summary>Appends an id, percent-encoded; the id must have passed <see cref="CheckId"/>.</summary>
    public AirflowRequestPath Id(string id)
    {
        _path.Append('/').Append(EncodeSegment(id));
        _template.Append("/{id}");
        return this;
    }

    public AirflowRequestPath Query(string name, string? value)
    {
        if (value is not null)
        {
            _query.Append(_query.Length == 0 ? string.Empty : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public AirflowRequestPath Query(string name, int value) => Query(name, value.ToString(CultureInfo.InvariantCulture));

    public AirflowRequestPath Query(string name, bool? value) => Query(name, value switch { true => "true", false => "false", null => null });

    /// <summary>Repeats the key for each value, as FastAPI reads arrays: <c>state=a&amp;state=b</c>.</summary>
    public AirflowRequestPath Query(string name, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            Query(name, value);
        }

        return this;
    }

    /// <summary>Percent-encodes one segment: <c>/</c> as <c>%2F</c>, <c>+</c> as <c>%2B</c>, dot segments as <c>%2E</c>; <c>~</c> stays (Airflow's "all").</summary>
    public static string EncodeSegment(string value)
    {
        var escaped = Uri.EscapeDataString(value);

        // "." and ".." would be removed as dot segments by any URI normaliser on the way.
        return escaped is "." or ".." ? escaped.Replace(".", "%2E", StringComparison.Ordinal) : escaped;
    }

    /// <summary>Null when <paramref name="value"/> may be sent as a path segment, else why not (empty, control characters, broken UTF-16).</summary>
    public static string? CheckId(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{name} must not be empty.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return $"{name} must not contain control characters (found U+{(int)c:X4} at position {i}).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"{name} is not valid Unicode (an unpaired surrogate at position {i}).";
            }
        }

        return null;
    }
}
