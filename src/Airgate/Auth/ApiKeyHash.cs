using System.Security.Cryptography;
using System.Text;

namespace Airgate.Auth;

/// <summary>The <c>sha256:&lt;hex&gt;</c> form keys are stored in.</summary>
internal static class ApiKeyHash
{
    public const string Prefix = "sha256:";

    /// <summary>Parses a configured hash; false when it is not <c>sha256:</c> and 64 hex digits.</summary>
    public static bool TryParse(string? text, out byte[] hash)
    {
        hash = [];
        if (text is null || text.Length != Prefix.Length + 64 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = text.AsSpan(Prefix.Length);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        hash = Convert.FromHexString(hex);
        return true;
    }

    public static byte[] Compute(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The configuration value for a key: what operators put in <c>KeyHash</c>.</summary>
    public static string Format(string key) => Prefix + Convert.ToHexStringLower(Compute(key));
}
