namespace Airgate.Auth;

/// <summary>Who a valid token names.</summary>
internal sealed record JwtUser(string Id, string Name, IReadOnlyList<string> Roles);
