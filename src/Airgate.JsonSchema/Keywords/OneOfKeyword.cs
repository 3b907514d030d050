using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary><c>oneOf</c>: exactly one subschema must hold.</summary>
internal sealed class OneOfKeyword(string absoluteLocation, SchemaNode[] nodes, string[] segments, string[] names) : Keyword("oneOf", absoluteLocation)
{
    public static Keyword Create(KeywordContext context)
    {
        var (nodes, segments) = SubschemaList.Compile(context);
        return new OneOfKeyword(context.AbsoluteLocation, nodes, segments, Closest.Names(context));
    }

    public override bool Evaluate(Evaluator evaluator, JsonElement instance, Marks? marks)
    {
        var mark = evaluator.ErrorMark();
        var first = -1;
        var second = -1;
        var closest = new Closest(evaluator);
        for (var i = 0; i < nodes.Length && second < 0; i++)
        {
            var branch = marks is null ? null : evaluator.RentMarks(instance);
            var before = evaluator.ErrorMark();
            var valid = evaluator.EvaluateAt(segments[i], nodes[i], instance, branch);
            closest.Observe(i, before);
            if (valid)
            {
                if (first < 0)
                {
                    first = i;
                    if (branch is not null)
                    {
                        marks?.MergeFrom(branch);
                    }
                }
                else
                {
                    second = i;
                }
            }

            evaluator.ReturnMarks(branch);
        }

        if (first >= 0 && second < 0)
        {
            evaluator.Rollback(mark);
            return true;
        }

        if (evaluator.Collecting)
        {
            if (second >= 0)
            {
                evaluator.Rollback(mark);
                evaluator.AddError(this, $"must match exactly one of the 'oneOf' schemas but matches more than one (at least {first} and {second})");
            }
            else
            {
                var nearest = closest.Describe(names);
                evaluator.Rollback(mark);
                evaluator.AddError(this, $"must match exactly one of the {nodes.Length} 'oneOf' schemas but matches none{nearest}");
            }
        }

        return false;
    }
}
