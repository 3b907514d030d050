using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>items</c>: every item after those covered by <c>prefixItems</c> (also <c>additionalItems</c> after array-form <c>items</c>, and object-form <c>items</c>, before 2020-12).</summary>
internal sealed class ItemsKeyword(string name, string absoluteLocation, SchemaNode node, int start) : Keyword(name, absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var start = context.TryGetSibling("prefixItems", out var prefix) && prefix.ValueKind == JsonValueKind.Array ? prefix.GetArrayLength() : 0;
        return new ItemsKeyword(context.Name, context.AbsoluteLocation, context.Subschema(context.Value, context.Segment), start);
    }

    /// <summary>Draft-07 and 2019-09 <c>items</c>: an array is a tuple (each position its own schema), anything else applies to every item.</summary>
    public static Keyword CreateLegacy(KeywordContext context) =>
        context.Value.ValueKind == JsonValueKind.Array
            ? PrefixItemsKeyword.Create(context)
            : new ItemsKeyword(context.Name, context.AbsoluteLocation, context.Subschema(context.Value, context.Segment), 0);

    /// <summary>Draft-07 and 2019-09 <c>additionalItems</c>: the items after an array-form <c>items</c>; ignored otherwise.</summary>
    public static Keyword? CreateAdditional(KeywordContext context) =>
        context.TryGetSibling("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? new ItemsKeyword(context.Name, context.AbsoluteLocation, context.Subschema(context.Value, context.Segment), items.GetArrayLength())
            : null;

    private readonly string _segment = "/" + name;

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
                if (!evaluator.EvaluateItem(_segment, node, i, item))
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
