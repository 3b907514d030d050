using System.Text;
using System.Text.Json;

namespace Airgate.Core.Json;

/// <summary>
/// Checks JSON text before anything parses it into objects: well-formed (with the line and byte where it is not),
/// nested at most <c>maxDepth</c> levels, no member name given twice in one object, and no string that is not valid
/// Unicode (a lone surrogate escape such as <c>"\ud800"</c>). Each failure names its JSON Pointer, so a client can fix
/// it; later readers would otherwise keep one of the duplicates silently or throw on the surrogate.
/// </summary>
public static class StrictJson
{
    /// <summary>The first thing wrong with <paramref name="utf8"/>, or null when it is fine.</summary>
    public static StrictJsonError? Check(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // The reader's own limit sits one level above ours so that the depth problem is ours, with its pointer.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var at = ValuePointer(frames);
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            return new(StrictJsonErrorKind.TooDeep, at, $"The text is nested more than {maxDepth} levels deep (at '{at}').");
                        }

                        frames.Add(new Frame(at, reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        Advance(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        if (!TryGetString(ref reader, out var name))
                        {
                            var where = frame.Pointer + "/" + Escape(Readable(ref reader));
                            return new(StrictJsonErrorKind.InvalidUnicode, where, $"The member name at '{where}' is not valid Unicode (a lone surrogate escape); send text as UTF-8 or as escaped surrogate pairs.");
                        }

                        frame.Name = name;
                        if (!frame.Names.Add(name))
                        {
                            var where = frame.Pointer + "/" + Escape(name);
                            return new(StrictJsonErrorKind.DuplicateKey, where, $"The member '{name}' is given more than once in the same object (at '{where}'); which copy counts would be a guess, so send it once.");
                        }

                        break;
                    case JsonTokenType.String:
                        if (!TryGetString(ref reader, out _))
                        {
                            var where = ValuePointer(frames);
                            return new(StrictJsonErrorKind.InvalidUnicode, where, $"The string at '{where}' is not valid Unicode (a lone surrogate escape such as \\ud800); send text as UTF-8 or as escaped surrogate pairs.");
                        }

                        Advance(frames);
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            var position = $"line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}";
            var why = frames.Count > 0 && reader.BytesConsumed >= utf8.Length - TrailingWhitespace(utf8)
                ? "it ends before every object and array is closed"
                : FirstSentence(exception.Message);
            return new(StrictJsonErrorKind.Invalid, ValuePointer(frames), $"The text is not valid JSON at {position}: {why}.");
        }

        return null;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    /// <summary>The raw text of the current token, for naming a member whose name cannot be decoded.</summary>
    private static string Readable(ref Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(reader.ValueSpan);

    private static string ValuePointer(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var frame = frames[^1];
        return frame.IsObject
            ? frame.Name is null ? frame.Pointer : frame.Pointer + "/" + Escape(frame.Name)
            : $"{frame.Pointer}/{frame.Index}";
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return;
        }

        if (frames[^1].IsObject)
        {
            frames[^1].Name = null;
        }
        else
        {
            frames[^1].Index++;
        }
    }

    private static int TrailingWhitespace(ReadOnlySpan<byte> utf8) => utf8.Length - utf8.TrimEnd(" \t\r\n"u8).Length;

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd().TrimEnd('.');
    }

    private sealed class Frame(string pointer, bool isObject)
    {
        public string Pointer { get; } = pointer;

        public bool IsObject { get; } = isObject;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public string? Name { get; set; }

        public int Index { get; set; }
    }
}
