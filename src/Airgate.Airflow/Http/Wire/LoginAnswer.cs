namespace Airgate.Airflow.Http.Wire;

/// <summary>The answer of <c>POST /auth/token</c>.</summary>
internal sealed record LoginAnswer
{
    public string? AccessToken { get; init; }

    public override string ToString() => "LoginAnswer { AccessToken = *** }";
}
