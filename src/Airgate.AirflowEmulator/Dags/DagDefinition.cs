namespace Airgate.AirflowEmulator.Dags;

/// <summary>A DAG as the emulator knows it; tasks are kept in topological order.</summary>
internal sealed record DagDefinition
{
    public required string DagId { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Owners { get; init; } = ["airflow"];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool IsPaused { get; init; }

    public string? DocMd { get; init; }

    public string? TimetableSummary { get; init; }

    public required IReadOnlyList<TaskDefinition> Tasks { get; init; }

    public IReadOnlyList<ParamDefinition> Params { get; init; } = [];

    public string DisplayNameOrId => DisplayName ?? DagId;

    public string Fileloc => $"/opt/airflow/dags/{DagId}.py";

    public TaskDefinition? FindTask(string taskId) => Tasks.FirstOrDefault(t => t.TaskId == taskId);

    public IEnumerable<TaskDefinition> UpstreamOf(TaskDefinition task) =>
        Tasks.Where(t => t.DownstreamTaskIds.Contains(task.TaskId));
}
