using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>anyOf</c>: at least one subschema must hold; all are evaluated when unevaluated* needs their annotations.</summary>
internal sealed class AnyOfKeyword(string absoluteLocation, SchemaNode[] nodes, string[] segments, string[] names) : Keyword("anyOf", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var (nodes, segments) = SubschemaList.Compile(context);
        return new AnyOfKeyword(context.AbsoluteLocation, nodes, segments, Closest.Names(context));
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var mark = evaluator.ErrorMark();
        var any = false;
        var closest = new Closest(evaluator);
        for (var i = 0; i < nodes.Length; i++)
        {
            var branch = marks is null ? null : evaluator.RentMarks(instance);
            var before = evaluator.ErrorMark();
            var valid = evaluator.EvaluateAt(segments[i], nodes[i], instance, branch);
            closest.Observe(i, before);
            if (valid)
            {
                any = true;
                if (branch is not null)
                {
                    marks?.MergeFrom(branch);
                }
            }

            evaluator.ReturnMarks(branch);
            if (valid && marks is null)
            {
                break;
            }
        }

        if (any)
        {
            evaluator.Rollback(mark);
            return true;
        }

        if (evaluator.Collecting)
        {
            // One error for one problem: the alternatives' own errors are replaced by the nearest miss.
            var nearest = closest.Describe(names);
            evaluator.Rollback(mark);
            evaluator.AddError(this, $"must match at least one of the {nodes.Length} 'anyOf' schemas but matches none{nearest}");
        }

        return false;
    }
}
