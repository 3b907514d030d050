namespace Airgate.Core.Manifests;

/// <summary>A manifest as read from one file, references still as written.</summary>
internal sealed record ManifestFile(WorkflowManifest Manifest, string File, string PipelinesField)
{
    /// <summary>True when only the dag_id could be read: the manifest stands for its workflow, which refuses triggers.</summary>
    public bool Broken { get; init; }
}
