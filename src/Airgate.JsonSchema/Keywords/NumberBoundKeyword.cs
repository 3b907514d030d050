using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>minimum</c>, <c>exclusiveMinimum</c>, <c>maximum</c>, <c>exclusiveMaximum</c>: one class, as the four differ only in the comparison (exact, whatever the size of the numbers).</summary>
internal sealed class NumberBoundKeyword(string name, string absoluteLocation, NumberValue limit, string limitText) : Keyword(name, absoluteLocation)
{
    private readonly (bool Below, bool Equal, bool Above, string Relation) _accepts = name switch
    {
        "minimum" => (false, true, true, ">="),
        "exclusiveMinimum" => (false, false, true, ">"),
        "maximum" => (true, true, false, "<="),
        _ => (true, false, false, "<"),
    };

    private readonly bool _isLongLimit = limit.TryGetLong(out _);
    private readonly long _longLimit = limit.TryGetLong(out var value) ? value : 0;

    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Number)
        {
            throw context.Invalid($"'{context.Name}' must be a number.");
        }

        return new NumberBoundKeyword(context.Name, context.AbsoluteLocation, NumberValue.From(context.Value), context.Value.GetRawText());
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var comparison = _isLongLimit && NumberValue.TryGetLong(instance, out var value)
            ? value.CompareTo(_longLimit)
            : NumberValue.Compare(NumberValue.From(instance), limit);
        var valid = comparison < 0 ? _accepts.Below : comparison == 0 ? _accepts.Equal : _accepts.Above;
        if (!valid && evaluator.Collecting)
        {
            var raw = JsonMarshal.GetRawUtf8Value(instance);
            if (raw.Length > 64 || !evaluator.KeepsErrors)
            {
                evaluator.AddError(this, $"must be {_accepts.Relation} {limitText} but is {Encoding.UTF8.GetString(raw)}");
            }
            else
            {
                Span<char> number = stackalloc char[64];
                number = number[..Encoding.UTF8.GetChars(raw, number)];
                var message = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
                message.AppendLiteral("must be ");
                message.AppendFormatted(_accepts.Relation);
                message.AppendLiteral(" ");
                message.AppendFormatted(limitText);
                message.AppendLiteral(" but is ");
                message.AppendFormatted(number);
                evaluator.AddError(this, message.Text);
                message.Clear();
            }
        }

        return valid;
    }
}
