using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>$dynamicRef</c>: like <c>$ref</c>, but a matching <c>$dynamicAnchor</c> in the outermost dynamic scope wins.</summary>
internal sealed class DynamicRefKeyword(string absoluteLocation, SchemaNode target, string? anchor) : Keyword("$dynamicRef", absoluteLocation)
{

    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.String)
        {
            throw context.Invalid("'$dynamicRef' must be a string.");
        }

        var uri = SchemaCompiler.ResolveReference(context.Node, context.Value.GetString() ?? string.Empty, context.Node.Pointer + context.Segment);
        var target = context.Compiler.Resolve(uri, context.Node.Pointer + context.Segment);
        var node = context.Compiler.Compile(target);
        var fragment = UriHelper.Fragment(uri);

        // Only a reference whose static target carries the same $dynamicAnchor is dynamic (the "bookend").
        if (fragment.Length > 0 && fragment[0] != '/' && target.Element.ValueKind == JsonValueKind.Object
            && target.Element.TryGetProperty("$dynamicAnchor", out var anchor) && anchor.ValueEquals(fragment))
        {
            return new DynamicRefKeyword(context.AbsoluteLocation, node, fragment);
        }

        return new DynamicRefKeyword(context.AbsoluteLocation, node, null);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var resolved = anchor is null ? target : evaluator.FindDynamicAnchor(anchor) ?? target;

        if (!evaluator.TryEnterRef(resolved))
        {
            if (evaluator.Collecting)
            {
                evaluator.AddError(this, "the '$dynamicRef' loops back to a schema already being evaluated at this location");
            }

            return false;
        }

        var valid = evaluator.EvaluateAt("/$dynamicRef", resolved, instance, marks);
        evaluator.ExitRef();
        return valid;
    }
}
