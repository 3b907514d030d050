using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>const</c>: the instance must equal the value.</summary>
internal sealed class ConstKeyword(string absoluteLocation, JsonElement value) : Keyword("const", absoluteLocation)
{
    public static Keyword Create(KeywordContext context) => new ConstKeyword(context.AbsoluteLocation, context.Value);

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (JsonEquality.AreEqual(value, instance))
        {
            return true;
        }

        if (evaluator.Collecting)
        {
            var text = value.GetRawText();
            evaluator.AddError(this, $"must be equal to {(text.Length > 200 ? text[..200] + "..." : text)}");
        }

        return false;
    }
}
