namespace Airgate.Airflow;

/// <summary>How Airgate's calls reach Airflow's REST API.</summary>
public enum AirflowTransport
{
    /// <summary>Straight over HTTP to <see cref="AirflowOptions.BaseUrl"/>, with a login, basic auth or a token.</summary>
    Http,

    /// <summary>Through Amazon MWAA's <c>InvokeRestApi</c>, signed with AWS credentials (<see cref="AirflowOptions.Mwaa"/>).</summary>
    Mwaa,
}
