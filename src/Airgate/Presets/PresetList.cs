namespace Airgate.Presets;

/// <summary>The caller's presets of one workflow, by name.</summary>
internal sealed record PresetList(IReadOnlyList<PresetResponse> Presets);
