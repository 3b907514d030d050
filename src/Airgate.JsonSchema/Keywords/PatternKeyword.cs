using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Regexes;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>pattern</c>: a string must match the ECMA-262 regular expression somewhere.</summary>
internal sealed class PatternKeyword(string absoluteLocation, EcmaPattern regex, string pattern) : Keyword("pattern", absoluteLocation)
{
    private readonly string _message = $"must match the pattern '{pattern}'";

    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.String)
        {
            throw context.Invalid("'pattern' must be a string.");
        }

        var pattern = context.Value.GetString() ?? string.Empty;
        return new PatternKeyword(context.AbsoluteLocation, context.Compiler.Regex(pattern, context.Node.Pointer + context.Segment), pattern);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        if (RegexMatch.IsMatch(evaluator, this, regex, JsonText.StringValue(instance, buffer), out var timedOut))
        {
            return true;
        }

        if (!timedOut && evaluator.Collecting)
        {
            evaluator.AddError(Name, AbsoluteLocation, CustomMessage ?? _message, keywordSuffix: true, Cache, pattern: pattern);
        }

        return false;
    }
}
