using System.Globalization;
using System.Numerics;

namespace Airgate.JsonSchema.Numbers;

/// <summary>An exact decimal number (mantissa × 10^exponent), for JSON numbers too large or too precise for <see cref="decimal"/>.</summary>
internal readonly record struct BigNumber(BigInteger Mantissa, long Exponent)
{
    private const long ExponentLimit = 1_000_000_000;

    public bool IsInteger => Mantissa.IsZero || Exponent >= 0;

    public static BigNumber Parse(ReadOnlySpan<char> text)
    {
        var exponent = 0L;
        var e = text.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            var expText = text[(e + 1)..];
            exponent = long.TryParse(expText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? Math.Clamp(parsed, -ExponentLimit, ExponentLimit)
                : expText.StartsWith("-") ? -ExponentLimit : ExponentLimit;
            text = text[..e];
        }

        var dot = text.IndexOf('.');
        string digits;
        if (dot >= 0)
        {
            digits = string.Concat(text[..dot], text[(dot + 1)..]);
            exponent -= text.Length - dot - 1;
        }
        else
        {
            digits = text.ToString();
        }

        var mantissa = BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Normalize(mantissa, exponent);
    }

    public static BigNumber FromDecimal(decimal value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    public static int Compare(BigNumber a, BigNumber b)
    {
        var signA = a.Mantissa.Sign;
        var signB = b.Mantissa.Sign;
        if (signA != signB)
        {
            return signA.CompareTo(signB);
        }

        if (signA == 0)
        {
            return 0;
        }

        var magnitudeA = Digits(a.Mantissa) + a.Exponent;
        var magnitudeB = Digits(b.Mantissa) + b.Exponent;
        if (magnitudeA != magnitudeB)
        {
            return signA * magnitudeA.CompareTo(magnitudeB);
        }

        // Same order of magnitude: the exponents differ by at most the digit counts, so aligning is cheap.
        var common = Math.Min(a.Exponent, b.Exponent);
        var left = a.Mantissa * BigInteger.Pow(10, (int)(a.Exponent - common));
        var right = b.Mantissa * BigInteger.Pow(10, (int)(b.Exponent - common));
        return left.CompareTo(right);
    }

    /// <summary>True when <paramref name="value"/> divided by <paramref name="divisor"/> is an integer.</summary>
    public static bool IsMultipleOf(BigNumber value, BigNumber divisor)
    {
        if (value.Mantissa.IsZero)
        {
            return true;
        }

        var modulus = BigInteger.Abs(divisor.Mantissa);
        if (value.Exponent >= divisor.Exponent)
        {
            var scale = BigInteger.ModPow(10, value.Exponent - divisor.Exponent, modulus);
            return BigInteger.Remainder(BigInteger.Abs(value.Mantissa) * scale, modulus).IsZero;
        }

        var shift = divisor.Exponent - value.Exponent;
        if (shift > Digits(value.Mantissa))
        {
            return false;
        }

        return BigInteger.Remainder(BigInteger.Abs(value.Mantissa), modulus * BigInteger.Pow(10, (int)shift)).IsZero;
    }

    private static BigNumber Normalize(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            return new BigNumber(BigInteger.Zero, 0);
        }

        while (true)
        {
            var quotient = BigInteger.DivRem(mantissa, 10, out var remainder);
            if (!remainder.IsZero)
            {
                break;
            }

            mantissa = quotient;
            exponent++;
        }

        return new BigNumber(mantissa, exponent);
    }

    private static long Digits(BigInteger value) => BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
}
