using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>unevaluatedProperties</c>: properties that no adjacent or in-place subschema evaluated successfully.</summary>
internal sealed class UnevaluatedPropertiesKeyword(string absoluteLocation, SchemaNode node) : Keyword("unevaluatedProperties", absoluteLocation)
{
    public static Keyword Create(KeywordContext context) =>
        new UnevaluatedPropertiesKeyword(context.AbsoluteLocation, context.Subschema(context.Value, context.Segment));

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object || marks is null)
        {
            return true;
        }

        var valid = true;
        var i = 0;
        foreach (var property in instance.EnumerateObject())
        {
            if (!marks.IsSet(i))
            {
                if (node.Constant == false)
                {
                    if (!evaluator.Collecting)
                    {
                        return false;
                    }

                    evaluator.AddNotAllowedError(this, property);
                    valid = false;
                }
                else if (evaluator.EvaluateProperty("/unevaluatedProperties", node, property))
                {
                    marks.Set(i);
                }
                else
                {
                    valid = false;
                    if (!evaluator.Collecting)
                    {
                        return false;
                    }
                }
            }

            i++;
        }

        return valid;
    }
}
