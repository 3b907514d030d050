using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Airgate.JsonSchema.Evaluation;

/// <summary>A map from property names to values, probed with an instance property's raw UTF-8 name so nothing is allocated or transcoded.</summary>
internal sealed class PropertyLookup<T>
{
    private readonly Dictionary<string, T> _byName;
    private readonly Slot[] _slots;
    private readonly byte[] _blob;
    private readonly T[] _values;
    private readonly int _mask;

    public PropertyLookup(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _byName = new Dictionary<string, T>(entries, StringComparer.Ordinal);
        var keys = _byName.Keys.Select(Encoding.UTF8.GetBytes).ToArray();
        _values = [.. _byName.Values];

        // All names in one array and each slot holding its name's offset and length: a probe touches two arrays, not one per name.
        _blob = new byte[keys.Sum(k => k.Length)];
        var offsets = new int[keys.Length];
        var offset = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            offsets[i] = offset;
            keys[i].CopyTo(_blob, offset);
            offset += keys[i].Length;
        }

        var size = 4;
        while (size < keys.Length * 2)
        {
            size *= 2;
        }

        _mask = size - 1;
        _slots = new Slot[size];
        Array.Fill(_slots, new Slot(-1, 0, -1));
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Hash(keys[i]) & _mask;
            while (_slots[slot].Index >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(i, offsets[i], keys[i].Length);
        }
    }

    public int Count => _values.Length;

    public bool TryGet(JsonProperty property, [MaybeNullWhen(false)] out T value)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > 0)
        {
            var slots = _slots;
            var index = Hash(raw) & _mask;
            while (true)
            {
                var slot = slots[index];
                if (slot.Index < 0)
                {
                    break;
                }

                if (slot.Length == raw.Length && raw.SequenceEqual(new ReadOnlySpan<byte>(_blob, slot.Offset, slot.Length)))
                {
                    value = _values[slot.Index];
                    return true;
                }

                index = (index + 1) & _mask;
            }
        }

        if (raw.Length == 0 || raw.Contains((byte)'\\'))
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

    private readonly record struct Slot(int Index, int Offset, int Length);
}
