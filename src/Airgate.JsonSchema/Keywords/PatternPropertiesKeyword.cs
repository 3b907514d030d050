using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Regexes;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>patternProperties</c>: each property whose name matches a pattern against that pattern's schema.</summary>
internal sealed class PatternPropertiesKeyword(string absoluteLocation, (EcmaPattern Regex, SchemaNode Node, string Segment)[] patterns) : Keyword("patternProperties", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Object)
        {
            throw context.Invalid("'patternProperties' must be an object of schemas.");
        }

        var patterns = new List<(EcmaPattern, SchemaNode, string)>();
        foreach (var property in context.Value.EnumerateObject())
        {
            var segment = JsonPointer.Append(context.Segment, property.Name);
            patterns.Add((context.Compiler.Regex(property.Name, context.Node.Pointer + segment), context.Subschema(property.Value, segment), segment));
        }

        return new PatternPropertiesKeyword(context.AbsoluteLocation, [.. patterns]);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var i = 0;
        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        foreach (var property in instance.EnumerateObject())
        {
            var name = JsonText.PropertyName(property, buffer);
            foreach (var (regex, node, segment) in patterns)
            {
                if (!RegexMatch.IsMatch(evaluator, this, regex, name, out var timedOut))
                {
                    if (timedOut)
                    {
                        valid = false;
                    }

                    continue;
                }

                marks?.Set(i);
                if (!evaluator.EvaluateProperty(segment, node, property))
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
}
