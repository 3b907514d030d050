namespace Airgate.JsonSchema.Evaluation;

/// <summary>Which properties (by position) or items (by index) of one instance have been evaluated, for the unevaluated* keywords.</summary>
internal sealed class Marks
{
    private bool[] _bits = new bool[16];

    public int Count { get; private set; }

    public void Reset(int count)
    {
        if (_bits.Length < count)
        {
            _bits = new bool[Math.Max(count, _bits.Length * 2)];
        }

        Array.Clear(_bits, 0, count);
        Count = count;
    }

    public void Set(int index) => _bits[index] = true;

    public void SetAll() => Array.Fill(_bits, true, 0, Count);

    public bool IsSet(int index) => _bits[index];

    public void MergeFrom(Marks other)
    {
        var count = Math.Min(Count, other.Count);
        for (var i = 0; i < count; i++)
        {
            _bits[i] |= other._bits[i];
        }
    }
}
