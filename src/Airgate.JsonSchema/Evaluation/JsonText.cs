using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Airgate.JsonSchema.Evaluation;

/// <summary>Reads strings and property names as character spans without allocating, falling back to a string when escapes are present.</summary>
internal static class JsonText
{
    /// <summary>Characters a caller's stack buffer should hold; longer text falls back to a string.</summary>
    public const int BufferLength = 128;

    public static ReadOnlySpan<char> PropertyName(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Length < buffer.Length && !raw.Contains((byte)'\\')
            ? buffer[..Encoding.UTF8.GetChars(raw, buffer)]
            : property.Name.AsSpan();
    }

    public static ReadOnlySpan<char> StringValue(JsonElement value, Span<char> buffer)
    {
        var raw = Unquote(JsonMarshal.GetRawUtf8Value(value));
        return raw.Length < buffer.Length && !raw.Contains((byte)'\\')
            ? buffer[..Encoding.UTF8.GetChars(raw, buffer)]
            : (value.GetString() ?? string.Empty).AsSpan();
    }

    /// <summary>The length of a string in Unicode code points, as JSON Schema counts it.</summary>
    public static int CodePoints(JsonElement value)
    {
        var raw = Unquote(JsonMarshal.GetRawUtf8Value(value));
        if (raw.Contains((byte)'\\'))
        {
            var text = value.GetString() ?? string.Empty;
            var count = text.Length;
            foreach (var c in text)
            {
                if (char.IsLowSurrogate(c))
                {
                    count--;
                }
            }

            return count;
        }

        // Every UTF-8 byte that is not a continuation byte starts a code point.
        return raw.Length - CountContinuationBytes(raw);
    }

    private static int CountContinuationBytes(ReadOnlySpan<byte> raw)
    {
        var count = 0;
        foreach (var b in raw)
        {
            if ((b & 0xC0) == 0x80)
            {
                count++;
            }
        }

        return count;
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' ? raw[1..^1] : raw;
}
