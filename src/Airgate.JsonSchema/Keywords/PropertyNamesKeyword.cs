using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>propertyNames</c>: every property name, as a string instance, against the schema.</summary>
internal sealed class PropertyNamesKeyword(string absoluteLocation, SchemaNode node) : Keyword("propertyNames", absoluteLocation)
{
    public static Keyword Create(KeywordContext context) =>
        new PropertyNamesKeyword(context.AbsoluteLocation, context.Subschema(context.Value, context.Segment));

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            var name = JsonSerializer.SerializeToElement(property.Name, JsonStringContext.Default.String);
            if (!evaluator.EvaluateProperty("/propertyNames", node, property.Name, name))
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
