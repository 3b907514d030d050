using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>allOf</c>: every subschema must hold.</summary>
internal sealed class AllOfKeyword(string absoluteLocation, SchemaNode[] nodes, string[] segments) : Keyword("allOf", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var (nodes, segments) = SubschemaList.Compile(context);
        return new AllOfKeyword(context.AbsoluteLocation, nodes, segments);
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var valid = true;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (!evaluator.EvaluateAt(segments[i], nodes[i], instance, marks))
            {
                valid = false;
                if (!evaluator.Collecting)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
