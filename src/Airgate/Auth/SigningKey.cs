using System.Security.Cryptography;

namespace Airgate.Auth;

/// <summary>A public key from a JWKS, kept as parameters so each check uses its own short-lived crypto object.</summary>
internal sealed record SigningKey(string? Kid, string? Alg, RSAParameters? Rsa, ECParameters? Ec)
{
    /// <summary>True when this key can verify <paramref name="alg"/> (and the JWK, if it names an algorithm, names that one).</summary>
    public bool Fits(string alg) =>
        (Alg is null || string.Equals(Alg, alg, StringComparison.Ordinal)) && alg switch
        {
            "RS256" => Rsa is not null,
            "ES256" => Ec is not null,
            _ => false,
        };

    public bool Verify(string alg, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        if (alg == "RS256" && Rsa is { } rsaParameters)
        {
            using var rsa = RSA.Create();
            rsa.ImportParameters(rsaParameters);
            return rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        if (alg == "ES256" && Ec is { } ecParameters)
        {
            // JWS carries ES256 signatures as r||s, 32 bytes each (RFC 7518 3.4), never DER.
            if (signature.Length != 64)
            {
                return false;
            }

            using var ecdsa = ECDsa.Create(ecParameters);
            return ecdsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        return false;
    }
}
