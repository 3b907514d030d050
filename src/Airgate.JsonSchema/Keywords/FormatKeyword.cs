using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Formats;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>format</c>: an annotation, asserted only when <see cref="SchemaOptions.AssertFormat"/> or the format-assertion vocabulary asks for it.</summary>
internal sealed class FormatKeyword(string absoluteLocation, string format, Func<JsonElement, bool> check) : Keyword("format", absoluteLocation)
{
    public static Keyword? Create(KeywordContext context)
    {
        var assert = context.Options.AssertFormat || (context.Vocabularies & Vocabularies.FormatAssertion) != 0;
        if (!assert || context.Value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var format = context.Value.GetString() ?? string.Empty;
        return FormatCheckers.TryGet(format) is { } check
            ? new FormatKeyword(context.AbsoluteLocation, format, check)
            : null;
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (check(instance))
        {
            return true;
        }

        if (evaluator.Collecting)
        {
            evaluator.AddError(this, $"must be a valid {format}");
        }

        return false;
    }
}
