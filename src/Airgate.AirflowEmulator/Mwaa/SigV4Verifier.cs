using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Airgate.AirflowEmulator.Mwaa;

/// <summary>
/// Checks a request's AWS Signature Version 4 (<c>Authorization: AWS4-HMAC-SHA256 ...</c>) the way AWS does, written from
/// AWS's published algorithm with the BCL's HMAC-SHA256 only (independent of the SDK signer Airgate uses, so each checks
/// the other). Answers null when the signature holds, else the AWS error type and message.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static (string Type, string Message)? Verify(HttpRequest request, ReadOnlySpan<byte> body, EmulatedMwaa mwaa, string service, DateTimeOffset now)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return ("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return ("IncompleteSignatureException", $"Authorization header requires the {Algorithm} algorithm.");
        }

        var parts = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            return ("IncompleteSignatureException", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return ("IncompleteSignatureException", "Credential must have the form AccessKeyId/date/region/service/aws4_request.");
        }

        if (scope[0] != mwaa.AccessKeyId)
        {
            return ("UnrecognizedClientException", "The security token included in the request is invalid.");
        }

        if (scope[2] != mwaa.Region)
        {
            return ("InvalidSignatureException", $"Credential should be scoped to a valid region, not '{scope[2]}'.");
        }

        if (scope[3] != service)
        {
            return ("InvalidSignatureException", $"Credential should be scoped to correct service: '{service}'.");
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || amzDate[..8] != scope[1])
        {
            return ("IncompleteSignatureException", "X-Amz-Date is missing, malformed, or not the date of the credential scope.");
        }

        if ((now - signedAt).Duration() > mwaa.ClockSkew)
        {
            return ("InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {(now - mwaa.ClockSkew).UtcDateTime:yyyyMMdd'T'HHmmss'Z'} ({now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} - 5 min.)");
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return ("IncompleteSignatureException", "SignedHeaders must include host and x-amz-date.");
        }

        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(string.Join('/', request.Path.ToUriComponent().Split('/').Select(Uri.EscapeDataString))).Append('\n')
            .Append('\n'); // InvokeRestApi has no query string.
        foreach (var name in names)
        {
            var value = name == "host" ? request.Host.Value : string.Join(',', request.Headers[name].Select(v => v?.Trim()));
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope[1]}/{scope[2]}/{scope[3]}/aws4_request\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + mwaa.SecretAccessKey), scope[1]);
        key = Hmac(key, scope[2]);
        key = Hmac(key, scope[3]);
        key = Hmac(key, "aws4_request");
        var expected = Convert.ToHexStringLower(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : ("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
