using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>prefixItems</c> (and the array form of <c>items</c> before 2020-12): each leading item against the schema at the same position.</summary>
internal sealed class PrefixItemsKeyword(string name, string absoluteLocation, SchemaNode[] nodes, string[] segments) : Keyword(name, absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var (nodes, segments) = SubschemaList.Compile(context);
        return new PrefixItemsKeyword(context.Name, context.AbsoluteLocation, nodes, segments);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var i = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (i >= nodes.Length)
            {
                break;
            }

            marks?.Set(i);
            if (!evaluator.EvaluateItem(segments[i], nodes[i], i, item))
            {
                valid = false;
                if (!evaluator.Collecting)
                {
                    return false;
                }
            }

            i++;
        }

        return valid;
    }
}
