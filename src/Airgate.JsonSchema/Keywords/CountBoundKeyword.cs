using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>minLength</c>/<c>maxLength</c> (code points), <c>minItems</c>/<c>maxItems</c>, <c>minProperties</c>/<c>maxProperties</c>: one class, as all six bound a count.</summary>
internal sealed class CountBoundKeyword(string name, string absoluteLocation, int limit) : Keyword(name, absoluteLocation)
{
    private readonly bool _isMinimum = name.StartsWith("min", StringComparison.Ordinal);
    private readonly JsonValueKind _kind = name.EndsWith("Length", StringComparison.Ordinal) ? JsonValueKind.String
        : name.EndsWith("Items", StringComparison.Ordinal) ? JsonValueKind.Array : JsonValueKind.Object;

    public static Keyword Create(KeywordContext context) =>
        new CountBoundKeyword(context.Name, context.AbsoluteLocation, context.NonNegativeInteger());

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != _kind)
        {
            return true;
        }

        var count = _kind switch
        {
            JsonValueKind.String => JsonText.CodePoints(instance),
            JsonValueKind.Array => instance.GetArrayLength(),
            _ => instance.GetPropertyCount(),
        };
        var valid = _isMinimum ? count >= limit : count <= limit;
        if (!valid && evaluator.Collecting)
        {
            var (unit, verb) = _kind switch
            {
                JsonValueKind.String => ("character", "is"),
                JsonValueKind.Array => ("item", "has"),
                _ => ("propert", "has"),
            };
            var noun = _kind == JsonValueKind.Object ? (limit == 1 ? "property" : "properties") : limit == 1 ? unit : unit + "s";
            var shape = _kind == JsonValueKind.String ? $"{noun} long" : noun;
            evaluator.AddError(this, $"must {(_kind == JsonValueKind.String ? "be" : "have")} at {(_isMinimum ? "least" : "most")} {limit} {shape} but {verb} {count}");
        }

        return valid;
    }
}
