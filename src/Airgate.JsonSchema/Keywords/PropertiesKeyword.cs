using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>properties</c>: each named property against its schema; it also checks the sibling <c>required</c> names it declares, in the same pass over the object.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    private readonly PropertyLookup<Entry> _properties;
    private readonly string[] _required;
    private readonly string _requiredLocation;
    private readonly string[] _requiredMessages;
    private readonly ErrorCache _requiredCache = new();

    private PropertiesKeyword(string absoluteLocation, PropertyLookup<Entry> properties, string[] required, string requiredLocation)
        : base("properties", absoluteLocation)
    {
        _properties = properties;
        _required = required;
        _requiredLocation = requiredLocation;
        _requiredMessages = [.. required.Select(name => $"is missing required property '{name}'")];
    }

    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Object)
        {
            throw context.Invalid("'properties' must be an object of schemas.");
        }

        // Required names that are also declared here (at most 64) are counted while the object is enumerated anyway.
        var required = context.TryGetSibling("required", out var requiredValue) && requiredValue.ValueKind == JsonValueKind.Array
            && (context.Vocabularies & Vocabularies.Validation) != 0
            ? requiredValue.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? string.Empty)
                .Distinct(StringComparer.Ordinal).Where(n => context.Value.TryGetProperty(n, out _)).Take(64).ToArray()
            : [];
        var properties = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var property in context.Value.EnumerateObject())
        {
            var segment = JsonPointer.Append(context.Segment, property.Name);
            properties[property.Name] = new Entry(context.Subschema(property.Value, segment), segment, Array.IndexOf(required, property.Name));
        }

        return new PropertiesKeyword(context.AbsoluteLocation, new PropertyLookup<Entry>(properties), required, context.AbsoluteLocationOf("required"));
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var found = 0UL;
        var i = 0;
        foreach (var property in instance.EnumerateObject())
        {
            if (_properties.TryGet(property, out var entry))
            {
                marks?.Set(i);
                if (entry.RequiredBit >= 0)
                {
                    found |= 1UL << entry.RequiredBit;
                }

                if (entry.Node.Constant == false)
                {
                    if (evaluator.Collecting)
                    {
                        evaluator.AddNotAllowedError(this, property);
                    }

                    valid = false;
                }
                else if (!evaluator.EvaluateProperty(entry.Segment, entry.Node, property))
                {
                    valid = false;
                }

                if (!valid && !evaluator.Collecting)
                {
                    return false;
                }
            }

            i++;
        }

        var all = _required.Length == 64 ? ulong.MaxValue : (1UL << _required.Length) - 1;
        if (found != all)
        {
            if (!evaluator.Collecting)
            {
                return false;
            }

            for (var bit = 0; bit < _required.Length; bit++)
            {
                if ((found & (1UL << bit)) == 0)
                {
                    evaluator.AddError("required", _requiredLocation, _requiredMessages[bit], keywordSuffix: true, _requiredCache, property: _required[bit]);
                }
            }

            valid = false;
        }

        return valid;
    }

    private readonly record struct Entry(SchemaNode Node, string Segment, int RequiredBit);
}
