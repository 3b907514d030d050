using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airgate.Core.Differential.Tests;

/// <summary>
/// Deterministic parameter objects for the differential check: the valid seed itself, then copies with one to three
/// mutations each (wrong types, bounds, pattern breakers, extra and missing properties, nulls, unicode, long strings,
/// big and very precise numbers, other enum values), each written as one line of JSON.
/// </summary>
internal static class InstanceGenerator
{
    private static readonly string[] RawNumbers =
        ["0", "-1", "1", "2.0", "0.5", "1e2", "1e400", "-1e400", "1e-400", "9007199254740993", "123456789012345678901234567890",
         "0.1000000000000000000000000000001", "0.30000000000000004", "-0.0", "4.000000000000000000001", "93", "94", "1.5e-7"];

    private static readonly string[] Strings =
        ["", " ", "a b", "Müller–Ørsted 菌", "🦠", "e\u0301", "\u200b", "x.csv", "my samples.csv", "/data/a_R1.fastq.gz", "s3://bucket/x",
         "GTGYCAGCMGCCGCGGTAA", "acgt", "8.GB", "32 GB", "lots", "240.h", "-profile", "$HOME", "line\nbreak", "tab\there", "null", "true", "12"];

    public static List<string> Generate(JsonObject valid, JsonElement schema, int count, int seed)
    {
        var random = new Random(seed);
        var enums = new List<JsonNode?>();
        CollectEnums(schema, enums);
        var instances = new List<string> { valid.ToJsonString() };
        while (instances.Count < count)
        {
            var copy = valid.DeepClone();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                copy = Mutate(copy, random, enums);
            }

            instances.Add(copy?.ToJsonString() ?? "null");
        }

        return instances;
    }

    private static JsonNode? Mutate(JsonNode? root, Random random, List<JsonNode?> enums)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0)
        {
            return root;
        }

        var (parent, key, index) = slots[random.Next(slots.Count)];
        var current = key is not null ? parent[key] : parent[index];
        JsonNode? replacement;
        switch (random.Next(11))
        {
            case 0: // wrong type
                replacement = JsonNode.Parse(((string[])["42", "\"text\"", "true", "[]", "{}", "[1, \"a\"]", "{\"k\": 1}"])[random.Next(7)]);
                break;
            case 1: // bounds and big or precise numbers
            case 2:
                replacement = JsonNode.Parse(RawNumbers[random.Next(RawNumbers.Length)]);
                break;
            case 3: // strings that break patterns, unicode
                replacement = JsonValue.Create(Strings[random.Next(Strings.Length)]);
                break;
            case 4: // a near miss of the current text
                var text = current is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "value";
                replacement = JsonValue.Create(random.Next(4) switch { 0 => text + " ", 1 => text.ToUpperInvariant(), 2 => text.Length > 1 ? text[..^1] : "", _ => "-" + text });
                break;
            case 5: // long strings
                replacement = JsonValue.Create(new string("aé🦠"[random.Next(2)], random.Next(100, 5000)));
                break;
            case 6: // null
                replacement = null;
                break;
            case 7 when enums.Count > 0: // another allowed (or nearly allowed) value
                replacement = enums[random.Next(enums.Count)]?.DeepClone();
                break;
            case 8 when key is not null: // missing property
                parent.AsObject().Remove(key);
                return root;
            case 9: // extra property somewhere
                var objects = slots.Select(s => s.Parent).OfType<JsonObject>().Distinct().ToList();
                var target = objects.Count > 0 ? objects[random.Next(objects.Count)] : root as JsonObject;
                target?.TryAdd(((string[])["unknown_param", "Outdir", "", "outdir ", "-resume"])[random.Next(5)], JsonValue.Create(1));
                return root;
            default: // arrays: empty, or one item more
                if (current is JsonArray array)
                {
                    if (random.Next(2) == 0)
                    {
                        array.Clear();
                    }
                    else if (array.Count > 0)
                    {
                        array.Add(array[0]?.DeepClone());
                    }

                    return root;
                }

                replacement = JsonValue.Create(random.NextDouble() * 200 - 100);
                break;
        }

        if (key is not null)
        {
            parent[key] = replacement;
        }
        else
        {
            parent.AsArray()[index] = replacement;
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                slots.Add((obj, name, -1));
                Collect(child, slots);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, null, i));
                Collect(array[i], slots);
            }
        }
    }

    private static void CollectEnums(JsonElement schema, List<JsonNode?> enums)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in schema.EnumerateObject())
                {
                    if (property.Name == "enum" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        enums.AddRange(property.Value.EnumerateArray().Select(e => JsonNode.Parse(e.GetRawText())));
                    }
                    else if (property.Name is not ("default" or "const" or "examples"))
                    {
                        CollectEnums(property.Value, enums);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    CollectEnums(item, enums);
                }

                break;
        }
    }
}
