namespace Airgate.AirflowEmulator.Dags;

/// <summary>A task of an emulated DAG; <see cref="MapCount"/> is set for a mapped task.</summary>
internal sealed record TaskDefinition
{
    public required string TaskId { get; init; }

    public string? DisplayName { get; init; }

    public string OperatorName { get; init; } = "PythonOperator";

    public IReadOnlyList<string> DownstreamTaskIds { get; init; } = [];

    public int? MapCount { get; init; }

    public string? DocMd { get; init; }

    public bool IsMapped => MapCount is not null;

    public string DisplayNameOrId => DisplayName ?? TaskId;
}
