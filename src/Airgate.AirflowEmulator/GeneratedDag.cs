namespace Airgate.AirflowEmulator;

/// <summary>A DAG the emulator synthesises without a fixture: one task per id, each downstream of the previous one.</summary>
/// <param name="DagId">The DAG id.</param>
/// <param name="TaskIds">The tasks, in the order they run.</param>
/// <param name="Description">An optional description.</param>
public sealed record GeneratedDag(string DagId, IReadOnlyList<string> TaskIds, string? Description = null);
