namespace Airgate.Airflow.Http.Wire;

/// <summary>The body of <c>POST /auth/token</c>.</summary>
internal sealed record LoginBody(string Username, string Password)
{
    // Never print the password, even in a debugger or an exception message.
    public override string ToString() => $"LoginBody {{ Username = {Username} }}";
}
