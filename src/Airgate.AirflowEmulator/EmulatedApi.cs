namespace Airgate.AirflowEmulator;

/// <summary>Which Airflow REST API the emulator speaks.</summary>
public enum EmulatedApi
{
    /// <summary>Airflow 3's <c>/api/v2</c> (bearer tokens from <c>/auth/token</c>, FastAPI errors).</summary>
    V2,

    /// <summary>Airflow 2.x's <c>/api/v1</c> (basic auth, <c>execution_date</c>, RFC 7807 errors), mapped onto the same emulation.</summary>
    V1,
}
