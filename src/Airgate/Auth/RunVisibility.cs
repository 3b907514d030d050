namespace Airgate.Auth;

/// <summary>Whose runs a signed-in user may read (<c>Airgate:Auth:RunVisibility</c>).</summary>
internal enum RunVisibility
{
    /// <summary>Everyone signed in sees every run (the default).</summary>
    All,

    /// <summary>Users see their own runs; admins see all.</summary>
    Own,
}
