using Microsoft.IdentityModel.Tokens;

namespace Airgate.Auth;

/// <summary>A public key from the JWKS, as IdentityModel verifies it, with the algorithm the JWK restricts it to (if any).</summary>
internal sealed record SigningKey(string? Kid, string? Alg, AsymmetricSecurityKey Key)
{
    /// <summary>True when this key can verify <paramref name="alg"/> (and the JWK, if it names an algorithm, names that one).</summary>
    public bool Fits(string alg) =>
        (Alg is null || string.Equals(Alg, alg, StringComparison.Ordinal)) && alg switch
        {
            SecurityAlgorithms.RsaSha256 => Key is RsaSecurityKey,
            SecurityAlgorithms.EcdsaSha256 => Key is ECDsaSecurityKey,
            _ => false,
        };
}
