using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>$dynamicRef</c> (2019-09: <c>$recursiveRef</c>): like <c>$ref</c>, but a matching anchor in the outermost dynamic scope wins.</summary>
internal sealed class DynamicRefKeyword(string name, string absoluteLocation, SchemaNode target, string? anchor) : Keyword(name, absoluteLocation)
{
    /// <summary>The dynamic anchor name under which a 2019-09 <c>"$recursiveAnchor": true</c> is kept (no <c>$dynamicAnchor</c> can be empty).</summary>
    public const string RecursiveAnchor = "";

    private readonly string _segment = "/" + name;

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
            return new DynamicRefKeyword(context.Name, context.AbsoluteLocation, node, fragment);
        }

        return new DynamicRefKeyword(context.Name, context.AbsoluteLocation, node, null);
    }

    /// <summary>2019-09 <c>$recursiveRef</c>: dynamic only when its static target declares <c>"$recursiveAnchor": true</c>.</summary>
    public static Keyword CreateRecursive(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.String)
        {
            throw context.Invalid("'$recursiveRef' must be a string.");
        }

        var uri = SchemaCompiler.ResolveReference(context.Node, context.Value.GetString() ?? string.Empty, context.Node.Pointer + context.Segment);
        var target = context.Compiler.Resolve(uri, context.Node.Pointer + context.Segment);
        var node = context.Compiler.Compile(target);
        var recursive = target.Element.ValueKind == JsonValueKind.Object
            && target.Element.TryGetProperty("$recursiveAnchor", out var anchor) && anchor.ValueKind == JsonValueKind.True;
        return new DynamicRefKeyword(context.Name, context.AbsoluteLocation, node, recursive ? RecursiveAnchor : null);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var resolved = anchor is null ? target : evaluator.FindDynamicAnchor(anchor) ?? target;

        if (!evaluator.TryEnterRef(resolved))
        {
            if (evaluator.Collecting)
            {
                evaluator.AddError(this, $"the '{Name}' loops back to a schema already being evaluated at this location");
            }

            return false;
        }

        var valid = evaluator.EvaluateAt(_segment, resolved, instance, marks);
        evaluator.ExitRef();
        return valid;
    }
}
