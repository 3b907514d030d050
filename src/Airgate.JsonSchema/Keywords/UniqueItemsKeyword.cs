using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>uniqueItems</c>: no two items may be equal (numbers by value, objects regardless of order).</summary>
internal sealed class UniqueItemsKeyword(string absoluteLocation) : Keyword("uniqueItems", absoluteLocation)
{
    public static Keyword? Create(KeywordContext context) =>
        context.Value.ValueKind == JsonValueKind.True ? new UniqueItemsKeyword(context.AbsoluteLocation) : null;

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var items = instance.EnumerateArray().ToArray();
        for (var i = 1; i < items.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonEquality.AreEqual(items[i], items[j]))
                {
                    if (evaluator.Collecting)
                    {
                        evaluator.AddError(this, $"must have unique items but items {j} and {i} are equal");
                    }

                    return false;
                }
            }
        }

        return true;
    }
}
