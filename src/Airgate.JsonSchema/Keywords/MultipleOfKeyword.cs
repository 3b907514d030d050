using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>multipleOf</c>: the instance divided by the value must be an integer, computed exactly.</summary>
internal sealed class MultipleOfKeyword(string absoluteLocation, NumberValue divisor, string divisorText) : Keyword("multipleOf", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Number || context.Value.GetRawText().TrimStart().StartsWith('-') || NumberValue.Compare(NumberValue.From(context.Value), default) == 0)
        {
            throw context.Invalid("'multipleOf' must be a number greater than 0.");
        }

        return new MultipleOfKeyword(context.AbsoluteLocation, NumberValue.From(context.Value), context.Value.GetRawText());
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Number || NumberValue.IsMultipleOf(NumberValue.From(instance), divisor))
        {
            return true;
        }

        if (evaluator.Collecting)
        {
            evaluator.AddError(this, $"must be a multiple of {divisorText} but is {instance.GetRawText()}");
        }

        return false;
    }
}
