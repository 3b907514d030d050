using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Airgate.JsonSchema.Numbers;

/// <summary>A JSON number held exactly: as a <see cref="long"/> or <see cref="decimal"/> when its text fits one without rounding, otherwise as a <see cref="BigNumber"/>.</summary>
internal readonly struct NumberValue
{
    private readonly decimal _decimal;
    private readonly BigNumber _big;
    private readonly long _long;
    private readonly Kind _kind;

    private NumberValue(long value)
    {
        _long = value;
        _decimal = value;
        _kind = Kind.Long;
    }

    private NumberValue(decimal value)
    {
        _decimal = value;
        _kind = Kind.Decimal;
    }

    private NumberValue(BigNumber value)
    {
        _big = value;
        _kind = Kind.Big;
    }

    private enum Kind
    {
        Long,
        Decimal,
        Big,
    }

    public bool IsDecimal => _kind != Kind.Big;

    public BigNumber Big => IsDecimal ? BigNumber.FromDecimal(_decimal) : _big;

    public bool IsInteger => _kind switch
    {
        Kind.Long => true,
        Kind.Decimal => decimal.Truncate(_decimal) == _decimal,
        _ => _big.IsInteger,
    };

    /// <summary>The value as a <see cref="long"/>, when it was written as a plain integer of up to 18 digits.</summary>
    public bool TryGetLong(out long value)
    {
        value = _long;
        return _kind == Kind.Long;
    }

    /// <summary>Reads a plain integer straight from the JSON text; false for anything else (fractions, exponents, long digit runs).</summary>
    public static bool TryGetLong(JsonElement number, out long value) => TryParseLong(JsonMarshal.GetRawUtf8Value(number), out value);

    public static NumberValue From(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        if (TryParseLong(raw, out var integer))
        {
            return new NumberValue(integer);
        }

        if (TryParseShortDecimal(raw, out var shortDecimal))
        {
            return new NumberValue(shortDecimal);
        }

        if (raw.Length <= 27 && raw.IndexOfAny((byte)'e', (byte)'E') < 0 && number.TryGetDecimal(out var value))
        {
            return new NumberValue(value);
        }

        return new NumberValue(BigNumber.Parse(Encoding.UTF8.GetString(raw)));
    }

    public static int Compare(in NumberValue a, in NumberValue b)
    {
        if (a._kind == Kind.Long && b._kind == Kind.Long)
        {
            return a._long.CompareTo(b._long);
        }

        return a.IsDecimal && b.IsDecimal ? a._decimal.CompareTo(b._decimal) : BigNumber.Compare(a.Big, b.Big);
    }

    public static bool IsMultipleOf(in NumberValue value, in NumberValue divisor)
    {
        if (value._kind == Kind.Long && divisor._kind == Kind.Long && divisor._long != 0)
        {
            return value._long % divisor._long == 0;
        }

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

    public override string ToString() => _kind switch
    {
        Kind.Long => _long.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind.Decimal => _decimal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => _big.Exponent == 0 ? _big.Mantissa.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{_big.Mantissa}e{_big.Exponent}",
    };

    /// <summary>
    /// Plain fractions (<c>0.5</c>, <c>-12.25</c>) of up to 18 digits and no trailing zero in the fraction, built straight from the
    /// JSON text (the same value and scale as the general parser gives), so the common case skips it.
    /// </summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<byte> raw, out decimal value)
    {
        value = 0m;
        var negative = raw.Length > 0 && raw[0] == (byte)'-';
        var text = negative ? raw[1..] : raw;
        var point = text.IndexOf((byte)'.');
        if (point <= 0 || text.Length > 19 || point == text.Length - 1 || text[^1] == (byte)'0' || (text[0] == (byte)'0' && point != 1))
        {
            return false;
        }

        ulong mantissa = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i == point)
            {
                continue;
            }

            var digit = (uint)(text[i] - (byte)'0');
            if (digit > 9)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)(text.Length - point - 1));
        return true;
    }

    /// <summary>Plain integers of up to 18 digits, the common case, parsed without the general number parser.</summary>
    private static bool TryParseLong(ReadOnlySpan<byte> raw, out long value)
    {
        value = 0;
        var negative = raw.Length > 0 && raw[0] == (byte)'-';
        var digits = negative ? raw[1..] : raw;
        if (digits.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + digit;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
