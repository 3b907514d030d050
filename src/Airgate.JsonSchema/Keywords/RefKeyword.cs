using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>$ref</c>: applies the referenced schema to the same instance, beside the other keywords.</summary>
internal sealed class RefKeyword(string absoluteLocation, SchemaNode target) : Keyword("$ref", absoluteLocation)
{

    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.String)
        {
            throw context.Invalid("'$ref' must be a string.");
        }

        var uri = SchemaCompiler.ResolveReference(context.Node, context.Value.GetString() ?? string.Empty, context.Node.Pointer + context.Segment);
        return new RefKeyword(context.AbsoluteLocation, context.Compiler.Compile(context.Compiler.Resolve(uri, context.Node.Pointer + context.Segment)));
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (!evaluator.TryEnterRef(target))
        {
            if (evaluator.Collecting)
            {
                evaluator.AddError(this, "the '$ref' loops back to a schema already being evaluated at this location");
            }

            return false;
        }

        var valid = evaluator.EvaluateAt("/$ref", target, instance, marks);
        evaluator.ExitRef();
        return valid;
    }
}
