namespace Airgate.Core.Manifests;

/// <summary>Which profiles a workflow (DAG) runs, in stage order, and optionally which task runs which.</summary>
public sealed record WorkflowManifest
{
    public required string DagId { get; init; }

    /// <summary>Profile ids in stage order (references in the file are normalised to ids once loaded).</summary>
    public required IReadOnlyList<string> Pipelines { get; init; }

    /// <summary>Task id to the ids of the profiles that task runs; empty when the file says nothing.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tasks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Why the workflow refuses triggers: errors in its manifest or in a profile it names that has no good version. A
    /// broken manifest is kept like this rather than left out, so the workflow never falls back to unvalidated
    /// parameters (SPEC 3, fail closed). Empty when it can run.
    /// </summary>
    public IReadOnlyList<Registry.RegistryProblem> Problems { get; init; } = [];
}
