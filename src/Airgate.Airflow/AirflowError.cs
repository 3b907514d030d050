namespace Airgate.Airflow;

/// <summary>Why a call to Airflow failed, in the spirit of YARP's <c>ForwarderError</c>.</summary>
public enum AirflowError
{
    /// <summary>No connection could be made, or it was reset before an answer arrived.</summary>
    Unreachable,

    /// <summary>Airflow did not answer within the configured timeout.</summary>
    Timeout,

    /// <summary>Airflow refused our credentials even after logging in again (401, or 403 on a bad token).</summary>
    Unauthorized,

    /// <summary>Airflow understood the credentials but forbids the action (403 "Forbidden").</summary>
    Forbidden,

    /// <summary>The DAG, run or task does not exist (404).</summary>
    NotFound,

    /// <summary>The resource already exists, e.g. a duplicate <c>dag_run_id</c> (409).</summary>
    Conflict,

    /// <summary>Airflow rejected the request as invalid (400 or 422); <see cref="AirflowFailure.Detail"/> says why.</summary>
    Rejected,

    /// <summary>Airflow answered 5xx.</summary>
    ServerError,

    /// <summary>Airflow answered something we could not read (not JSON, wrong shape).</summary>
    InvalidResponse,

    /// <summary>
    /// The transport in front of Airflow (Amazon MWAA, AWS) refused the call before Airflow saw it: access denied, no
    /// such environment, an invalid request, a bad signature, no credentials. <see cref="AirflowFailure.AwsError"/> names it.
    /// </summary>
    TransportRefused,
}
