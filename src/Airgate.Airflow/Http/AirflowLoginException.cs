namespace Airgate.Airflow.Http;

/// <summary>The login behind a request failed; carries the failure to the client, which answers it as a value.</summary>
internal sealed class AirflowLoginException : Exception
{
    public AirflowLoginException(AirflowFailure failure)
        : base($"Airflow login failed: {failure.Error}.") => Failure = failure;

    public AirflowLoginException()
        : this(new AirflowFailure(AirflowError.Unauthorized, null, "Airflow login failed."))
    {
    }

    public AirflowLoginException(string message)
        : this(new AirflowFailure(AirflowError.Unauthorized, null, message))
    {
    }

    public AirflowLoginException(string message, Exception innerException)
        : base(message, innerException) => Failure = new AirflowFailure(AirflowError.Unauthorized, null, message);

    public AirflowFailure Failure { get; }
}
