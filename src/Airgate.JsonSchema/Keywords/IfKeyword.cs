using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>if</c> with its siblings <c>then</c> and <c>else</c>: the outcome of <c>if</c> picks which one applies.</summary>
internal sealed class IfKeyword(string absoluteLocation, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Keyword("if", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var condition = context.Subschema(context.Value, context.Segment);
        var then = context.TryGetSibling("then", out var thenValue) ? context.Subschema(thenValue, "/then") : null;
        var otherwise = context.TryGetSibling("else", out var elseValue) ? context.Subschema(elseValue, "/else") : null;
        return new IfKeyword(context.AbsoluteLocation, condition, then, otherwise);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var previous = evaluator.SuspendErrors();
        var branch = marks is null ? null : evaluator.RentMarks(instance);
        var holds = evaluator.EvaluateAt("/if", condition, instance, branch);
        evaluator.RestoreErrors(previous);
        if (holds && branch is not null)
        {
            marks?.MergeFrom(branch);
        }

        evaluator.ReturnMarks(branch);
        return holds
            ? then is null || evaluator.EvaluateAt("/then", then, instance, marks)
            : otherwise is null || evaluator.EvaluateAt("/else", otherwise, instance, marks);
    }
}
