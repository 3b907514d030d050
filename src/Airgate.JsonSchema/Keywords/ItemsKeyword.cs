using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>items</c>: every item after those covered by <c>prefixItems</c>.</summary>
internal sealed class ItemsKeyword(string absoluteLocation, SchemaNode node, int start) : Keyword("items", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var start = context.TryGetSibling("prefixItems", out var prefix) && prefix.ValueKind == JsonValueKind.Array ? prefix.GetArrayLength() : 0;
        return new ItemsKeyword(context.AbsoluteLocation, context.Subschema(context.Value, context.Segment), start);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var i = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (i >= start)
            {
                if (node.Constant == false)
                {
                    if (evaluator.Collecting)
                    {
                        evaluator.AddItemError(this, i, start == 0 ? "no items are allowed" : $"no items are allowed beyond the first {start}");
                    }

                    return false;
                }

                marks?.Set(i);
                if (!evaluator.EvaluateItem("/items", node, i, item))
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
