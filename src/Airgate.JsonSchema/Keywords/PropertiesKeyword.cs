using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>properties</c>: each named property against its schema.</summary>
internal sealed class PropertiesKeyword(string absoluteLocation, PropertyLookup<(SchemaNode Node, string Segment)> properties) : Keyword("properties", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Object)
        {
            throw context.Invalid("'properties' must be an object of schemas.");
        }

        var properties = new Dictionary<string, (SchemaNode, string)>(StringComparer.Ordinal);
        foreach (var property in context.Value.EnumerateObject())
        {
            var segment = JsonPointer.Append(context.Segment, property.Name);
            properties[property.Name] = (context.Subschema(property.Value, segment), segment);
        }

        return new PropertiesKeyword(context.AbsoluteLocation, new PropertyLookup<(SchemaNode, string)>(properties));
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
            if (properties.TryGet(property, out var entry))
            {
                marks?.Set(i);
                if (entry.Node.Constant == false)
                {
                    if (evaluator.Collecting)
                    {
                        evaluator.AddPropertyError(this, property.Name, $"property '{property.Name}' is not allowed");
                    }

                    valid = false;
                }
                else if (!evaluator.EvaluateProperty(entry.Segment, entry.Node, property))
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
