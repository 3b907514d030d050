using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>required</c>: the object must have every listed property.</summary>
internal sealed class RequiredKeyword(string absoluteLocation, string[] names) : Keyword("required", absoluteLocation)
{
    public static Keyword Create(KeywordContext context) =>
        new RequiredKeyword(context.AbsoluteLocation, StringList(context));

    public static string[] StringList(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Array || context.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw context.Invalid($"'{context.Name}' must be an array of strings.");
        }

        return [.. context.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var name in names)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                if (!evaluator.Collecting)
                {
                    return false;
                }

                evaluator.AddError(this, $"is missing required property '{name}'");
                valid = false;
            }
        }

        return valid;
    }
}
