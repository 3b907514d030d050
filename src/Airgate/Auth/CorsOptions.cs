namespace Airgate.Auth;

/// <summary>Browser origins allowed to call the API (<c>Airgate:Auth:Cors</c>); empty means no CORS at all.</summary>
internal sealed record CorsOptions
{
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
}
