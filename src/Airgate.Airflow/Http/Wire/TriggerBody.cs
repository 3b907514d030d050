using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Airgate.Airflow.Http.Wire;

/// <summary>The <c>TriggerDAGRunPostBody</c> we send: only fields the 3.0 API knows, <c>logical_date</c> always present.</summary>
internal sealed record TriggerBody
{
    public string? DagRunId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? LogicalDate { get; init; }

    public required JsonObject Conf { get; init; }

    public string? Note { get; init; }
}
