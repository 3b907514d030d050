using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>not</c>: the subschema must fail; its annotations are dropped.</summary>
internal sealed class NotKeyword(string absoluteLocation, SchemaNode node) : Keyword("not", absoluteLocation)
{
    public static Keyword Create(KeywordContext context) =>
        new NotKeyword(context.AbsoluteLocation, context.Subschema(context.Value, context.Segment));

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var previous = evaluator.SuspendErrors();
        var matched = evaluator.EvaluateAt("/not", node, instance, null);
        evaluator.RestoreErrors(previous);
        if (matched && evaluator.Collecting)
        {
            evaluator.AddError(this, "must not match the schema in 'not'");
        }

        return !matched;
    }
}
