using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>enum</c>: the instance must equal one of the listed values.</summary>
internal sealed class EnumKeyword(string absoluteLocation, JsonElement[] values, string listing) : Keyword("enum", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Array)
        {
            throw context.Invalid("'enum' must be an array.");
        }

        var values = context.Value.EnumerateArray().ToArray();
        var shown = values.Take(10).Select(v => v.GetRawText());
        var listing = string.Join(", ", shown) + (values.Length > 10 ? ", ..." : string.Empty);
        return new EnumKeyword(context.AbsoluteLocation, values, listing);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        foreach (var value in values)
        {
            if (JsonEquality.AreEqual(value, instance))
            {
                return true;
            }
        }

        if (evaluator.Collecting)
        {
            evaluator.AddError(this, $"must be one of [{listing}]");
        }

        return false;
    }
}
