namespace Airgate.Auth;

/// <summary>Browser origins allowed to call the API (<c>Airgate:Auth:Cors</c>); empty means no CORS at all.</summary>
internal sealed record CorsOptions
{
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Also allow <c>http://localhost:*</c> and <c>http://127.0.0.1:*</c> (front-end dev servers); set by <c>airgate dev</c> only.</summary>
    public bool AllowLoopbackOrigins { get; init; }
}
