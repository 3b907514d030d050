namespace Airgate.Auth;

/// <summary>Bearer JWT validation (<c>Airgate:Auth:Jwt</c>).</summary>
internal sealed record JwtOptions
{
    /// <summary>The algorithms this service can verify; configuration may narrow them, never widen.</summary>
    public static readonly IReadOnlyList<string> SupportedAlgorithms = ["RS256", "ES256"];

    public string? Issuer { get; init; }

    public string? Audience { get; init; }

    /// <summary>HTTPS address of the provider's JWKS (e.g. <c>https://idp/.well-known/jwks.json</c>).</summary>
    public string? JwksUrl { get; init; }

    /// <summary>The provider's issuer URL: keys are found by OpenID Connect discovery (<c>/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; init; }

    /// <summary>When set (e.g. <c>at+jwt</c>), the token header's <c>typ</c> must be this, so an ID token cannot pass as an access token.</summary>
    public string? TokenType { get; init; }

    /// <summary>A local JWKS file, for providers that cannot be reached or for tests.</summary>
    public string? JwksFile { get; init; }

    public string UserIdClaim { get; init; } = "sub";

    public string UserNameClaim { get; init; } = "preferred_username";

    public string RolesClaim { get; init; } = "roles";

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    // Null rather than a default list: the configuration binder appends to an existing list instead of replacing it.
    public IReadOnlyList<string>? Algorithms { get; init; }

    /// <summary>The <c>iss</c> tokens must carry: <see cref="Issuer"/>, or the <see cref="Authority"/> when only that is set.</summary>
    public string? ExpectedIssuer => string.IsNullOrWhiteSpace(Issuer) ? Authority : Issuer;

    public IReadOnlyList<string> AcceptedAlgorithms() => Algorithms is { Count: > 0 } configured ? configured : SupportedAlgorithms;
}
