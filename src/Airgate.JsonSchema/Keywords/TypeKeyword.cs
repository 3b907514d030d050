using System.Runtime.CompilerServices;
using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;
using Airgate.JsonSchema.Numbers;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>type</c>: the instance's JSON type must be one of those listed (<c>2.0</c> is an integer).</summary>
internal sealed class TypeKeyword(string absoluteLocation, TypeKeyword.Types allowed, string expected) : Keyword("type", absoluteLocation)
{
    [Flags]
    internal enum Types
    {
        None = 0,
        Null = 1,
        Boolean = 2,
        Object = 4,
        Array = 8,
        Number = 16,
        String = 32,
        Integer = 64,
    }

    public static Keyword Create(KeywordContext context)
    {
        var allowed = Types.None;
        var names = new List<string>();
        if (context.Value.ValueKind == JsonValueKind.String)
        {
            allowed = Parse(context, context.Value);
            names.Add(context.Value.GetString() ?? string.Empty);
        }
        else if (context.Value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in context.Value.EnumerateArray())
            {
                allowed |= Parse(context, item);
                names.Add(item.GetString() ?? string.Empty);
            }
        }
        else
        {
            throw context.Invalid("'type' must be a string or an array of strings.");
        }

        return new TypeKeyword(context.AbsoluteLocation, allowed, string.Join(" or ", names));
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var actual = instance.ValueKind switch
        {
            JsonValueKind.Null => Types.Null,
            JsonValueKind.True or JsonValueKind.False => Types.Boolean,
            JsonValueKind.Object => Types.Object,
            JsonValueKind.Array => Types.Array,
            JsonValueKind.String => Types.String,
            _ => Types.Number,
        };
        if ((allowed & actual) != 0)
        {
            return true;
        }

        if (actual == Types.Number && (allowed & Types.Integer) != 0 && (NumberValue.TryGetLong(instance, out _) || NumberValue.From(instance).IsInteger))
        {
            return true;
        }

        if (evaluator.Collecting)
        {
            var name = actual switch
            {
                Types.Number => NumberValue.From(instance).IsInteger ? "integer" : "number",
                Types.Null => "null",
                Types.Boolean => "boolean",
                Types.Object => "object",
                Types.Array => "array",
                _ => "string",
            };
            var message = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
            message.AppendLiteral("must be of type ");
            message.AppendFormatted(expected);
            message.AppendLiteral(" but is ");
            message.AppendFormatted(name);
            evaluator.AddError(this, message.Text);
            message.Clear();
        }

        return false;
    }

    private static Types Parse(KeywordContext context, JsonElement name) => name.GetString() switch
    {
        "null" => Types.Null,
        "boolean" => Types.Boolean,
        "object" => Types.Object,
        "array" => Types.Array,
        "number" => Types.Number | Types.Integer,
        "string" => Types.String,
        "integer" => Types.Integer,
        var other => throw context.Invalid($"'{other}' is not a JSON Schema type."),
    };
}
