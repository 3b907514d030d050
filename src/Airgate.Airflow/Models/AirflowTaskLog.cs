using System.Text.Json;

namespace Airgate.Airflow.Models;

/// <summary>
/// One chunk of a task's log: its entries as Airflow gives them (structured objects with <c>event</c>, <c>timestamp</c>,
/// <c>level</c>, ..., or plain strings) and the token to read what follows; a null token means the log has ended.
/// </summary>
public sealed record AirflowTaskLog(IReadOnlyList<JsonElement> Content, string? ContinuationToken);
