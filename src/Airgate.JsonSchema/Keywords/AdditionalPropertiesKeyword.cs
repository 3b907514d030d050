using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Regexes;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>additionalProperties</c>: properties named by neither <c>properties</c> nor <c>patternProperties</c>.</summary>
internal sealed class AdditionalPropertiesKeyword(string absoluteLocation, SchemaNode node, PropertyLookup<bool> named, EcmaPattern[] patterns) : Keyword("additionalProperties", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var node = context.Subschema(context.Value, context.Segment);
        var named = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (context.TryGetSibling("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                named[property.Name] = true;
            }
        }

        var patterns = new List<EcmaPattern>();
        if (context.TryGetSibling("patternProperties", out var patternProperties) && patternProperties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in patternProperties.EnumerateObject())
            {
                patterns.Add(context.Compiler.Regex(property.Name, context.Node.Pointer + "/patternProperties"));
            }
        }

        return new AdditionalPropertiesKeyword(context.AbsoluteLocation, node, new PropertyLookup<bool>(named), [.. patterns]);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var i = 0;
        foreach (var property in instance.EnumerateObject())
        {
            if (!named.Contains(property) && !MatchesAny(evaluator, property))
            {
                var name = property.Name;
                marks?.Set(i);
                if (node.Constant == false)
                {
                    if (evaluator.Collecting)
                    {
                        evaluator.AddPropertyError(this, name, $"property '{name}' is not allowed");
                    }

                    valid = false;
                }
                else if (!evaluator.EvaluateProperty("/additionalProperties", node, property))
                {
                    valid = false;
                }

                if (!valid && !evaluator.Collecting)
                {
                    return false;
                }
            }

            i++;
        }

        return valid;
    }

    private bool MatchesAny(Evaluator evaluator, JsonProperty property)
    {
        if (patterns.Length == 0)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        var name = JsonText.PropertyName(property, buffer);
        foreach (var pattern in patterns)
        {
            // patternProperties reports a timeout; here it only marks the evaluation undetermined, and the name counts as not matched.
            if (RegexMatch.IsMatch(evaluator, keyword: null, pattern, name, out _))
            {
                return true;
            }
        }

        return false;
    }
}
