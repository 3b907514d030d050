using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Airgate.JsonSchema.Numbers;

/// <summary>JSON Schema equality: numbers by value (1 equals 1.0), objects regardless of property order.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonElement a, JsonElement b) => AreEqual(a, b, 0);

    private static bool AreEqual(JsonElement a, JsonElement b, int depth)
    {
        if (depth > 1000 || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }

        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return NumberValue.Compare(NumberValue.From(a), NumberValue.From(b)) == 0;
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!AreEqual(left.Current, right.Current, depth + 1))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                if (a.GetPropertyCount() != b.GetPropertyCount())
                {
                    return false;
                }

                foreach (var property in a.EnumerateObject())
                {
                    if (!b.TryGetProperty(property.Name, out var other) || !AreEqual(property.Value, other, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
