using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>required</c>: the object must have every listed property.</summary>
internal sealed class RequiredKeyword(string absoluteLocation, string[] names) : Keyword("required", absoluteLocation)
{
    // Checked in one pass over the object: JsonElement.TryGetProperty transcodes the name and scans the object for every call.
    private readonly PropertyLookup<int>? _positions = names.Length is > 0 and <= 64
        ? new PropertyLookup<int>(names.Distinct(StringComparer.Ordinal).Select((n, i) => KeyValuePair.Create(n, i)))
        : null;

    public static Keyword? Create(KeywordContext context)
    {
        var names = StringList(context);

        // Names the sibling 'properties' declares are checked there, in its pass over the object (see PropertiesKeyword).
        if (context.TryGetSibling("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && (context.Vocabularies & Vocabularies.Applicator) != 0)
        {
            var checkedThere = names.Distinct(StringComparer.Ordinal).Where(n => properties.TryGetProperty(n, out _)).Take(64).ToHashSet(StringComparer.Ordinal);
            names = [.. names.Where(n => !checkedThere.Contains(n))];
        }

        return names.Length == 0 ? null : new RequiredKeyword(context.AbsoluteLocation, names);
    }

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

        if (_positions is not null)
        {
            var found = 0UL;
            foreach (var property in instance.EnumerateObject())
            {
                if (_positions.TryGet(property, out var position))
                {
                    found |= 1UL << position;
                }
            }

            var all = _positions.Count == 64 ? ulong.MaxValue : (1UL << _positions.Count) - 1;
            if (found == all)
            {
                return true;
            }

            if (!evaluator.Collecting)
            {
                return false;
            }
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

                evaluator.AddError(Name, AbsoluteLocation, CustomMessage ?? $"is missing required property '{name}'", keywordSuffix: true, Cache, property: name);
                valid = false;
            }
        }

        return valid;
    }
}
