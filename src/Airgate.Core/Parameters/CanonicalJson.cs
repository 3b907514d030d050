using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>
/// A canonical JSON text: object keys sorted by ordinal, no whitespace, strings escaped the one way
/// <see cref="Utf8JsonWriter"/> does, numbers in their shortest round-trip form when they fit a double exactly
/// (so <c>1</c>, <c>1.0</c> and <c>1e0</c> agree) and as written otherwise.
/// </summary>
public static class CanonicalJson
{
    public static string Write(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                WriteNumber(writer, value);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonValue value)
    {
        var text = value.ToJsonString();
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number)
            && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var exact)
            && (decimal)number == exact)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteRawValue(text);
        }
    }
}
