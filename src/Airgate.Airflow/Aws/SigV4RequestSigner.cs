using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Airgate.Airflow.Aws;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 (header form). The string to sign, the key
/// derivation and the HMAC are AWSSDK.Core's (<see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>);
/// only the canonical request is built here, because the SDK builds it from its own request type, not from an
/// HttpRequestMessage. It is checked against AWS's published SigV4 test vectors (<c>SigV4RequestSignerTests</c>).
/// </summary>
public static class SigV4RequestSigner
{
    /// <summary>The date header SigV4 signs, in <c>yyyyMMddTHHmmssZ</c>.</summary>
    public const string DateHeader = "X-Amz-Date";

    /// <summary>The session token header of temporary credentials.</summary>
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>
    /// Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (temporary credentials) and <c>Authorization</c> to
    /// <paramref name="request"/>, whose body (if any) is <paramref name="payload"/>.
    /// </summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> payload, ImmutableCredentials credentials, string region, string service, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var signedAt = now.UtcDateTime;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, amzDate);
        request.Headers.Remove(SecurityTokenHeader);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
        };
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                headers[name.ToLowerInvariant()] = string.Join(',', values);
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, payload, out var signedHeaders);
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonical);
        // AWS's comma-separated parameters are not the RFC 7235 form the typed header parses: set as is.
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>
    /// SigV4's canonical request: method, path, sorted query, lower-cased sorted headers with trimmed values, the
    /// signed header list and the payload's SHA-256. <paramref name="path"/> and <paramref name="query"/> are as sent
    /// (already percent-encoded, as every AWS service but S3 expects them once more encoded per segment).
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> payload, out string signedHeaders)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var sorted = headers.Select(h => (Name: h.Key.ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        signedHeaders = string.Join(';', sorted.Select(h => h.Name));
        var canonical = new StringBuilder()
            .Append(method).Append('\n')
            .Append(CanonicalPath(path)).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in sorted)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        return canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(payload))).ToString();
    }

    private static string CanonicalPath(string path) =>
        string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(segment => Uri.EscapeDataString(segment)));

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return (Key: Encode(parts[0]), Value: Encode(parts.Length > 1 ? parts[1] : string.Empty));
        });
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

        static string Encode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));
    }

    private static string CollapseSpaces(string value)
    {
        var text = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    text.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                text.Append(c);
                previousSpace = false;
            }
        }

        return text.ToString();
    }
}
