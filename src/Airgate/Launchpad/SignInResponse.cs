namespace Airgate.Launchpad;

/// <summary>How a browser signs in to this deployment: the mode, and the request header that carries who the caller is.</summary>
/// <param name="Mode">The deployment's <c>Airgate:Auth:Mode</c>: <c>Development</c>, <c>ApiKeys</c> or <c>Jwt</c>.</param>
/// <param name="Header">The request header a client sets: <c>X-Airgate-User</c> (a user name), <c>X-Api-Key</c> or <c>Authorization</c> (<c>Bearer</c> token).</param>
internal sealed record SignInResponse(string Mode, string Header);
