namespace Airgate.Auth;

/// <summary>How callers prove who they are (<c>Airgate:Auth:Mode</c>).</summary>
internal enum AuthMode
{
    /// <summary>No credentials: the user is <c>dev</c> or the one named by <c>X-Airgate-User</c>. Only with <c>AllowDevelopmentMode</c>.</summary>
    Development,

    /// <summary>Static keys, stored as SHA-256 hashes in configuration, each mapped to a user and roles.</summary>
    ApiKeys,

    /// <summary>Bearer JWTs from an OIDC provider, checked against its JWKS.</summary>
    Jwt,
}
