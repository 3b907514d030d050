using System.Text.Json;

namespace Airgate.Runs.Logs;

/// <summary>A chunk of a task's log: the entries as Airflow gives them, and the token to read what follows (null once the log has ended).</summary>
internal sealed record TaskLogResponse(IReadOnlyList<JsonElement> Content, string? ContinuationToken);
