namespace Airgate.Core.Manifests;

/// <summary>A manifest as read from one file, references still as written.</summary>
internal sealed record ManifestFile(WorkflowManifest Manifest, string File, string PipelinesField);
