using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Airgate.JsonSchema.Numbers;

/// <summary>A JSON number held exactly: as a <see cref="decimal"/> when its text fits one without rounding, otherwise as a <see cref="BigNumber"/>.</summary>
internal readonly struct NumberValue
{
    private readonly decimal _decimal;
    private readonly BigNumber _big;

    private NumberValue(decimal value)
    {
        _decimal = value;
        IsDecimal = true;
    }

    private NumberValue(BigNumber value) => _big = value;

    public bool IsDecimal { get; }

    public BigNumber Big => IsDecimal ? BigNumber.FromDecimal(_decimal) : _big;

    public bool IsInteger => IsDecimal ? decimal.Truncate(_decimal) == _decimal : _big.IsInteger;

    public static NumberValue From(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        if (raw.Length <= 27 && raw.IndexOfAny((byte)'e', (byte)'E') < 0 && number.TryGetDecimal(out var value))
        {
            return new NumberValue(value);
        }

        return new NumberValue(BigNumber.Parse(Encoding.UTF8.GetString(raw)));
    }

    public static int Compare(in NumberValue a, in NumberValue b) =>
        a.IsDecimal && b.IsDecimal ? a._decimal.CompareTo(b._decimal) : BigNumber.Compare(a.Big, b.Big);

    public static bool IsMultipleOf(in NumberValue value, in NumberValue divisor)
    {
        if (value.IsDecimal && divisor.IsDecimal)
        {
            try
            {
                return value._decimal % divisor._decimal == 0m;
            }
            catch (OverflowException)
            {
                // Falls through to the exact path.
            }
        }

        return BigNumber.IsMultipleOf(value.Big, divisor.Big);
    }

    public override string ToString() => IsDecimal
        ? _decimal.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : _big.Exponent == 0 ? _big.Mantissa.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{_big.Mantissa}e{_big.Exponent}";
}
