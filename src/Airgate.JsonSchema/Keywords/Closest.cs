using System.Text.Json;
using Airgate.JsonSchema.Compilation;
using Airgate.JsonSchema.Evaluation;

namespace Airgate.JsonSchema.Keywords;

/// <summary>
/// Finds the alternative of an <c>anyOf</c>/<c>oneOf</c> that came nearest to matching (fewest errors), so a failure
/// is one error that says what to fix instead of every alternative's errors.
/// </summary>
internal struct Closest(Evaluator evaluator)
{
    private int _index = -1;
    private int _score = int.MaxValue;
    private int _errors;
    private SchemaError? _first;

    /// <summary>How each alternative is named in messages: its index, and its title when it has one.</summary>
    public static string[] Names(KeywordContext context) =>
        [.. context.Value.EnumerateArray().Select((schema, i) =>
            schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                ? $"#{i} (\"{title.GetString()}\")"
                : $"#{i}")];

    /// <summary>Records the errors alternative <paramref name="index"/> added since <paramref name="before"/>; the fast path adds none and costs nothing.</summary>
    public void Observe(int index, int before)
    {
        var count = evaluator.ErrorMark() - before;
        if (count <= 0)
        {
            return;
        }

        // An alternative for another kind of value (its type fails right here) is a worse guess than one whose errors are inside.
        var first = evaluator.FirstErrorSince(before);
        var score = first is { Keyword: "type" } && first.InstanceLocation.Length == evaluator.InstanceLocation().Length ? count + 1_000_000 : count;
        if (score < _score)
        {
            _index = index;
            _score = score;
            _errors = count;
            _first = first;
        }
    }

    /// <summary>"; the closest is #1: at /r2 must be a string", or empty when no alternative left an error to show.</summary>
    public readonly string Describe(string[] names)
    {
        if (_index < 0 || _first is null)
        {
            return string.Empty;
        }

        var here = evaluator.InstanceLocation();
        var where = _first.InstanceLocation.Length > here.Length ? $"at {_first.InstanceLocation[here.Length..]} " : string.Empty;
        var more = _errors > 1 ? $" (and {_errors - 1} more)" : string.Empty;
        return $"; the closest is {names[_index]}: {where}{_first.Message}{more}";
    }
}
