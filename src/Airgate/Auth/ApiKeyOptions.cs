namespace Airgate.Auth;

/// <summary>One API key: only its SHA-256 hash is configured, never the key itself.</summary>
internal sealed record ApiKeyOptions
{
    /// <summary><c>sha256:</c> followed by the 64 hex digits of SHA-256 over the key's UTF-8 bytes.</summary>
    public string? KeyHash { get; init; }

    public string? UserId { get; init; }

    /// <summary>Display name; the user id when absent.</summary>
    public string? UserName { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];
}
