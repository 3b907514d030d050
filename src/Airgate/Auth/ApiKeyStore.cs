using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Airgate.Auth;

/// <summary>The configured keys, hashed once; lookups touch every entry so timing tells nothing about which matched.</summary>
internal sealed class ApiKeyStore(IOptions<AuthOptions> options)
{
    private readonly Entry[] _entries = [.. options.Value.ApiKeys
        .Select(k => (Options: k, Parsed: ApiKeyHash.TryParse(k.KeyHash, out var hash), Hash: hash))
        .Where(k => k.Parsed && !string.IsNullOrWhiteSpace(k.Options.UserId))
        .Select(k => new Entry(k.Hash, k.Options))];

    public ApiKeyOptions? Find(string presentedKey)
    {
        var presented = ApiKeyHash.Compute(presentedKey);
        ApiKeyOptions? match = null;
        foreach (var entry in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, entry.Hash))
            {
                match = entry.Options;
            }
        }

        return match;
    }

    private sealed record Entry(byte[] Hash, ApiKeyOptions Options);
}
