namespace Airgate.Airflow.V1.Wire;

/// <summary>Airflow 2's <c>InlineResponse200</c> for a log: the lines as one string, and the token to read what follows.</summary>
internal sealed record V1LogChunk(string? Content, string? ContinuationToken) : Http.Wire.IAirflowWire
{
    public bool IsComplete => Content is not null;
}
