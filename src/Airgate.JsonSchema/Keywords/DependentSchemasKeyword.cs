using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>dependentSchemas</c>: when a property is present, the whole object must also match its schema.</summary>
internal sealed class DependentSchemasKeyword(string absoluteLocation, (string Property, SchemaNode Node, string Segment)[] dependencies) : Keyword("dependentSchemas", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Object)
        {
            throw context.Invalid($"'{context.Name}' must be an object of schemas.");
        }

        var dependencies = new List<(string, SchemaNode, string)>();
        foreach (var property in context.Value.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
            {
                var segment = JsonPointer.Append(context.Segment, property.Name);
                dependencies.Add((property.Name, context.Subschema(property.Value, segment), segment));
            }
        }

        return new DependentSchemasKeyword(context.AbsoluteLocation, [.. dependencies]);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (property, node, segment) in dependencies)
        {
            if (instance.TryGetProperty(property, out _) && !evaluator.EvaluateAt(segment, node, instance, marks))
            {
                valid = false;
                if (!evaluator.Collecting)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
