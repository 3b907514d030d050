namespace Airgate.JsonSchema.Evaluation;

/// <summary>
/// The strings of the last error one keyword reported (keyword location, instance location, message), reused when the next
/// error of that keyword spells the same text, so repeated evaluations report the same errors without allocating them again.
/// Shared between threads: each field is replaced whole and only ever read to compare, so a race costs at most an allocation.
/// </summary>
internal sealed class ErrorCache
{
    public string? KeywordLocation;

    public string? InstanceLocation;

    public string? Message;

    /// <summary>The cached string when it spells <paramref name="text"/>, otherwise a new one that replaces it.</summary>
    public static string Reuse(ref string? cached, ReadOnlySpan<char> text)
    {
        var current = cached;
        if (current is not null && text.SequenceEqual(current))
        {
            return current;
        }

        if (text.IsEmpty)
        {
            return string.Empty;
        }

        current = new string(text);
        cached = current;
        return current;
    }
}
