using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>unevaluatedItems</c>: items that no adjacent or in-place subschema evaluated successfully.</summary>
internal sealed class UnevaluatedItemsKeyword(string absoluteLocation, SchemaNode node) : Keyword("unevaluatedItems", absoluteLocation)
{
    public static Keyword Create(KeywordContext context) =>
        new UnevaluatedItemsKeyword(context.AbsoluteLocation, context.Subschema(context.Value, context.Segment));

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Array || marks is null)
        {
            return true;
        }

        var valid = true;
        var i = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!marks.IsSet(i))
            {
                if (node.Constant == false)
                {
                    if (!evaluator.Collecting)
                    {
                        return false;
                    }

                    evaluator.AddItemError(this, i, $"item {i} is not allowed");
                    valid = false;
                }
                else if (evaluator.EvaluateItem("/unevaluatedItems", node, i, item))
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
