using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>dependentRequired</c>: when a property is present, the listed others must be too.</summary>
internal sealed class DependentRequiredKeyword(string absoluteLocation, (string Property, string[] Required)[] dependencies) : Keyword("dependentRequired", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Object)
        {
            throw context.Invalid($"'{context.Name}' must be an object of string arrays.");
        }

        var dependencies = new List<(string, string[])>();
        foreach (var property in context.Value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                dependencies.Add((property.Name, [.. property.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)]));
            }
        }

        return new DependentRequiredKeyword(context.AbsoluteLocation, [.. dependencies]);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (property, required) in dependencies)
        {
            if (!instance.TryGetProperty(property, out _))
            {
                continue;
            }

            foreach (var name in required)
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    if (!evaluator.Collecting)
                    {
                        return false;
                    }

                    evaluator.AddError(Name, AbsoluteLocation, CustomMessage ?? $"is missing property '{name}', required when '{property}' is present", keywordSuffix: true, Cache, property: name);
                    valid = false;
                }
            }
        }

        return valid;
    }
}
