using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>The compiled subschemas of an array-valued applicator (allOf, anyOf, oneOf, prefixItems) with their keyword-location segments.</summary>
internal static class SubschemaList
{
    public static (SchemaNode[] Nodes, string[] Segments) Compile(KeywordContext context, bool allowEmpty = false)
    {
        if (context.Value.ValueKind != JsonValueKind.Array || (!allowEmpty && context.Value.GetArrayLength() == 0))
        {
            throw context.Invalid($"'{context.Name}' must be a non-empty array of schemas.");
        }

        var count = context.Value.GetArrayLength();
        var nodes = new SchemaNode[count];
        var segments = new string[count];
        var i = 0;
        foreach (var item in context.Value.EnumerateArray())
        {
            segments[i] = JsonPointer.Append(context.Segment, i);
            nodes[i] = context.Subschema(item, segments[i]);
            i++;
        }

        return (nodes, segments);
    }
}
