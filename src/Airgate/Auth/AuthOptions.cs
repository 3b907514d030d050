namespace Airgate.Auth;

/// <summary>Identity and access (SPEC section 5), bound from <c>Airgate:Auth</c>.</summary>
internal sealed record AuthOptions
{
    public const string SectionName = "Airgate:Auth";

    /// <summary>Required: there is no safe default between letting everyone in and letting no one in.</summary>
    public AuthMode? Mode { get; init; }

    /// <summary>Set by <c>airgate dev</c>; without it <see cref="AuthMode.Development"/> refuses to start.</summary>
    public bool AllowDevelopmentMode { get; init; }

    public RunVisibility RunVisibility { get; init; } = RunVisibility.All;

    public string AdminRole { get; init; } = "admin";

    public IReadOnlyList<ApiKeyOptions> ApiKeys { get; init; } = [];

    public JwtOptions Jwt { get; init; } = new();

    public CorsOptions Cors { get; init; } = new();
}
