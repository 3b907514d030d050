using System.Text.Json;

namespace Airgate.Airflow.Http.Wire;

/// <summary>Airflow's <c>TaskInstancesLogResponse</c>.</summary>
internal sealed record LogChunk(IReadOnlyList<JsonElement> Content, string? ContinuationToken) : IAirflowWire
{
    public bool IsComplete => Content is not null;
}
