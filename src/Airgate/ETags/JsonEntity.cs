using System.Security.Cryptography;
using System.Text.Json;

namespace Airgate.ETags;

/// <summary>An answer serialised once, with the strong ETag of its bytes.</summary>
internal sealed record JsonEntity(byte[] Json, string ETag)
{
    public static JsonEntity Create(object value, JsonSerializerOptions options)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
        // 128 bits of SHA-256 are plenty to tell versions apart; the tag is opaque to clients.
        var hash = SHA256.HashData(json);
        return new JsonEntity(json, "\"" + Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"");
    }
}
