using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>dependencies</c> (draft 7, kept for compatibility): per property, a list of required names or a schema.</summary>
internal sealed class DependenciesKeyword(string absoluteLocation, (string Property, string[]? Required, SchemaNode? Node, string Segment)[] dependencies) : Keyword("dependencies", absoluteLocation)
{
    public static Keyword? Create(KeywordContext context)
    {
        if (context.Value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var dependencies = new List<(string, string[]?, SchemaNode?, string)>();
        foreach (var property in context.Value.EnumerateObject())
        {
            var segment = JsonPointer.Append(context.Segment, property.Name);
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                dependencies.Add((property.Name, [.. property.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)], null, segment));
            }
            else
            {
                dependencies.Add((property.Name, null, context.Subschema(property.Value, segment), segment));
            }
        }

        return new DependenciesKeyword(context.AbsoluteLocation, [.. dependencies]);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (property, required, node, segment) in dependencies)
        {
            if (!instance.TryGetProperty(property, out _))
            {
                continue;
            }

            foreach (var name in required ?? [])
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    if (evaluator.Collecting)
                    {
                        evaluator.AddError(Name, AbsoluteLocation, CustomMessage ?? $"is missing property '{name}', required when '{property}' is present", keywordSuffix: true, Cache, property: name);
                    }

                    valid = false;
                }
            }

            if (node is not null && !evaluator.EvaluateAt(segment, node, instance, marks))
            {
                valid = false;
            }

            if (!valid && !evaluator.Collecting)
            {
                return false;
            }
        }

        return valid;
    }
}
