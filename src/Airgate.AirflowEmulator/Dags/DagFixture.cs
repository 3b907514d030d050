using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Airgate.AirflowEmulator.Dags;

/// <summary>The on-disk shape of a DAG fixture (documented in <c>examples/emulator/README.md</c>).</summary>
internal sealed record DagFixture
{
    public string? DagId { get; init; }

    public string? DagDisplayName { get; init; }

    public string? Description { get; init; }

    public List<string>? Owners { get; init; }

    public List<string>? Tags { get; init; }

    public bool IsPaused { get; init; }

    public string? DocMd { get; init; }

    public string? TimetableSummary { get; init; }

    public JsonObject? Params { get; init; }

    public List<TaskFixture>? Tasks { get; init; }

    [JsonExtensionData]
    public JsonObject? Unknown { get; init; }
}

internal sealed record TaskFixture
{
    public string? TaskId { get; init; }

    public string? TaskDisplayName { get; init; }

    public string? OperatorName { get; init; }

    public List<string>? DownstreamTaskIds { get; init; }

    public bool IsMapped { get; init; }

    public int? MapCount { get; init; }

    public string? DocMd { get; init; }

    [JsonExtensionData]
    public JsonObject? Unknown { get; init; }
}
