using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>contains</c> with its siblings <c>minContains</c> and <c>maxContains</c>: how many items must match.</summary>
internal sealed class ContainsKeyword(string absoluteLocation, SchemaNode node, int min, int? max, KeywordContextLocations locations) : Keyword("contains", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var node = context.Subschema(context.Value, context.Segment);
        var min = 1;
        int? max = null;
        var validation = (context.Vocabularies & Vocabularies.Validation) != 0 && context.Draft != Draft.V7;
        if (validation && context.TryGetSibling("minContains", out var minValue))
        {
            context.MoveTo("minContains", minValue);
            min = context.NonNegativeInteger();
        }

        if (validation && context.TryGetSibling("maxContains", out var maxValue))
        {
            context.MoveTo("maxContains", maxValue);
            max = context.NonNegativeInteger();
        }

        var locations = new KeywordContextLocations(validation && context.TryGetSibling("minContains", out _) ? context.AbsoluteLocationOf("minContains") : null, context.AbsoluteLocationOf("maxContains"));
        return new ContainsKeyword(context.AbsoluteLocationOf("contains"), node, min, max, locations);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var previous = evaluator.SuspendErrors();
        var count = 0;
        var i = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (evaluator.EvaluateItem("/contains", node, i, item))
            {
                count++;
                marks?.Set(i);
            }

            i++;
        }

        evaluator.RestoreErrors(previous);
        if (count < min)
        {
            if (evaluator.Collecting)
            {
                var (name, location) = locations.Min is null ? ("contains", AbsoluteLocation) : ("minContains", locations.Min);
                evaluator.AddError(name, location, $"must contain at least {min} item(s) matching the 'contains' schema but contains {count}", keywordSuffix: true);
            }

            return false;
        }

        if (count > max)
        {
            if (evaluator.Collecting)
            {
                evaluator.AddError("maxContains", locations.Max ?? AbsoluteLocation, $"must contain at most {max} item(s) matching the 'contains' schema but contains {count}", keywordSuffix: true);
            }

            return false;
        }

        return true;
    }
}

/// <summary>Absolute locations of the sibling keywords that refine <c>contains</c>.</summary>
internal sealed record KeywordContextLocations(string? Min, string? Max);
