using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airgate.AirflowEmulator.Dags;

namespace Airgate.AirflowEmulator.DagRuns;

/// <summary>
/// Airflow's Param check on trigger: conf is merged over the defaults and each Param is checked in declaration order;
/// the first failure is the answer (<c>Invalid input for param &lt;name&gt;: ...</c>). Covers type, enum, const,
/// minimum/maximum (and exclusive), minLength/maxLength and pattern, worded as Python's jsonschema words them.
/// </summary>
internal static class ParamValidator
{
    public static string? FirstError(IReadOnlyList<ParamDefinition> parameters, JsonObject conf)
    {
        foreach (var param in parameters)
        {
            var supplied = conf.TryGetPropertyValue(param.Name, out var value);
            if (!supplied && !param.HasDefault)
            {
                return $"Invalid input for param {param.Name}: No value passed and Param has no default value";
            }

            var error = Check(supplied ? value : param.Default, param.Schema);
            if (error is not null)
            {
                return $"Invalid input for param {param.Name}: {error}\n\nFailed validating in schema:\n    {param.Schema.ToJsonString()}";
            }
        }

        return null;
    }

    private static string? Check(JsonNode? value, JsonObject schema)
    {
        if (schema["type"] is { } type)
        {
            var types = type is JsonArray list ? list.Select(t => t?.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!types.Exists(t => IsOfType(value, t)))
            {
                var expected = types.Count == 1 ? $"'{types[0]}'" : $"[{string.Join(", ", types.Select(t => $"'{t}'"))}]";
                return $"{Repr(value)} is not of type {expected}";
            }
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            return $"{Repr(value)} is not one of [{string.Join(", ", options.Select(Repr))}]";
        }

        if (schema.TryGetPropertyValue("const", out var constant) && !JsonNode.DeepEquals(constant, value))
        {
            return $"{Repr(constant)} was expected";
        }

        if (Number(value) is { } number)
        {
            if (Number(schema["minimum"]) is { } min && number < min)
            {
                return $"{Repr(value)} is less than the minimum of {Repr(schema["minimum"])}";
            }

            if (Number(schema["maximum"]) is { } max && number > max)
            {
                return $"{Repr(value)} is greater than the maximum of {Repr(schema["maximum"])}";
            }

            if (Number(schema["exclusiveMinimum"]) is { } exMin && number <= exMin)
            {
                return $"{Repr(value)} is less than or equal to the minimum of {Repr(schema["exclusiveMinimum"])}";
            }

            if (Number(schema["exclusiveMaximum"]) is { } exMax && number >= exMax)
            {
                return $"{Repr(value)} is greater than or equal to the maximum of {Repr(schema["exclusiveMaximum"])}";
            }
        }

        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var length = text.EnumerateRunes().Count();
            if (Number(schema["minLength"]) is { } minLength && length < minLength)
            {
                return $"{Repr(value)} is too short";
            }

            if (Number(schema["maxLength"]) is { } maxLength && length > maxLength)
            {
                return $"{Repr(value)} is too long";
            }

            if (schema["pattern"] is JsonValue p && p.TryGetValue<string>(out var pattern)
                && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                return $"{Repr(value)} does not match {Repr(p)}";
            }
        }

        return null;
    }

    private static bool IsOfType(JsonNode? value, string? type) => (type, value?.GetValueKind()) switch
    {
        ("null", null or JsonValueKind.Null) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("string", JsonValueKind.String) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => Number(value) is { } n && n == Math.Floor(n),
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        _ => false,
    };

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    /// <summary>The value as Python's <c>repr</c> shows it, since that is what Airflow's messages contain.</summary>
    private static string Repr(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.String => $"'{node.GetValue<string>().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'",
        JsonValueKind.Number => node.ToJsonString(),
        JsonValueKind.Array => $"[{string.Join(", ", node.AsArray().Select(Repr))}]",
        _ => "{" + string.Join(", ", node.AsObject().Select(kv => $"'{kv.Key}': {Repr(kv.Value)}")) + "}",
    };
}
