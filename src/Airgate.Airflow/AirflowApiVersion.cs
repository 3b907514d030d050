namespace Airgate.Airflow;

/// <summary>Which of Airflow's REST APIs Airgate speaks (<c>Airgate:Airflow:ApiVersion</c>).</summary>
public enum AirflowApiVersion
{
    /// <summary>Ask the server once, lazily: <c>/api/v2/version</c>, then <c>/api/v1/version</c>.</summary>
    Auto,

    /// <summary>Airflow 3's <c>/api/v2</c>: bearer tokens from <c>/auth/token</c>, FastAPI errors.</summary>
    V2,

    /// <summary>Airflow 2.x's <c>/api/v1</c>: basic auth, <c>execution_date</c>, RFC 7807 errors.</summary>
    V1,
}
