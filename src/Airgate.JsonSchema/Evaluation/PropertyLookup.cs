using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Airgate.JsonSchema.Evaluation;

/// <summary>A map from property names to values, probed with an instance property's raw UTF-8 name so nothing is allocated or transcoded.</summary>
internal sealed class PropertyLookup<T>
{
    private readonly Dictionary<string, T> _byName;
    private readonly byte[][] _keys;
    private readonly T[] _values;
    private readonly int[] _buckets;
    private readonly int _mask;

    public PropertyLookup(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _byName = new Dictionary<string, T>(entries, StringComparer.Ordinal);
        _keys = [.. _byName.Keys.Select(Encoding.UTF8.GetBytes)];
        _values = [.. _byName.Values];
        var size = 4;
        while (size < _keys.Length * 2)
        {
            size *= 2;
        }

        _mask = size - 1;
        _buckets = new int[size];
        Array.Fill(_buckets, -1);
        for (var i = 0; i < _keys.Length; i++)
        {
            var slot = Hash(_keys[i]) & _mask;
            while (_buckets[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _buckets[slot] = i;
        }
    }

    public int Count => _keys.Length;

    public bool TryGet(JsonProperty property, [MaybeNullWhen(false)] out T value)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > 0)
        {
            var slot = Hash(raw) & _mask;
            while (_buckets[slot] is var index and >= 0)
            {
                if (raw.SequenceEqual(_keys[index]))
                {
                    value = _values[index];
                    return true;
                }

                slot = (slot + 1) & _mask;
            }
        }

        if (raw.Contains((byte)'\\') || raw.Length == 0)
        {
            // An escaped (or empty) name: compare its decoded form.
            return _byName.TryGetValue(property.Name, out value);
        }

        value = default;
        return false;
    }

    public bool Contains(JsonProperty property) => TryGet(property, out _);

    /// <summary>Length and three sampled bytes: enough to spread property names, and O(1) whatever their length.</summary>
    private static int Hash(ReadOnlySpan<byte> key) =>
        key.Length == 0 ? 0 : (((key.Length * 31) + key[0]) * 31) + (key[^1] * 7) + key[key.Length / 2];
}
