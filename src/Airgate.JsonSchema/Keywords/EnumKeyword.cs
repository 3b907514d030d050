using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>enum</c>: the instance must equal one of the listed values.</summary>
internal sealed class EnumKeyword(string absoluteLocation, JsonElement[] values, string listing) : Keyword("enum", absoluteLocation)
{
    // Strings without escapes, compared as raw UTF-8 (with quotes) so the instance is never decoded.
    private readonly byte[][] _rawStrings = [.. values
        .Where(v => v.ValueKind == JsonValueKind.String && !v.GetRawText().Contains('\\'))
        .Select(v => Encoding.UTF8.GetBytes(v.GetRawText()))];

    private readonly NumberValue[] _numbers = [.. values.Where(v => v.ValueKind == JsonValueKind.Number).Select(NumberValue.From)];

    private readonly string _message = $"must be one of [{listing}]";

    private readonly bool _hasEscapedStrings = values.Any(v => v.ValueKind == JsonValueKind.String && v.GetRawText().Contains('\\'));

    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Array)
        {
            throw context.Invalid("'enum' must be an array.");
        }

        var values = context.Value.EnumerateArray().ToArray();
        var shown = values.Take(10).Select(v => v.GetRawText());
        var listing = string.Join(", ", shown) + (values.Length > 10 ? ", ..." : string.Empty);
        return new EnumKeyword(context.AbsoluteLocation, values, listing);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (Matches(instance))
        {
            return true;
        }

        if (evaluator.Collecting)
        {
            evaluator.AddError(this, _message);
        }

        return false;
    }

    private bool Matches(JsonElement instance)
    {
        if (instance.ValueKind == JsonValueKind.String)
        {
            var raw = JsonMarshal.GetRawUtf8Value(instance);
            if (!raw.Contains((byte)'\\'))
            {
                foreach (var candidate in _rawStrings)
                {
                    if (raw.SequenceEqual(candidate))
                    {
                        return true;
                    }
                }

                if (!_hasEscapedStrings)
                {
                    return false;
                }
            }
        }

        if (instance.ValueKind == JsonValueKind.Number)
        {
            var number = NumberValue.From(instance);
            foreach (var candidate in _numbers)
            {
                if (NumberValue.Compare(number, candidate) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var value in values)
        {
            if (JsonEquality.AreEqual(value, instance))
            {
                return true;
            }
        }

        return false;
    }
}
