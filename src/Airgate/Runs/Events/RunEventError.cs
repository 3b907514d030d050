namespace Airgate.Runs.Events;

/// <summary>The <c>error</c> event: Airflow failed (as the problem a request would get); the stream stays open and keeps polling.</summary>
internal sealed record RunEventError(string Type, string Title, int Status, string Detail);
