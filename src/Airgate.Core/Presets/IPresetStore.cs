namespace Airgate.Core.Presets;

/// <summary>Saved launch forms, each owned by one user and kept per workflow. Implementations are safe for concurrent use.</summary>
public interface IPresetStore
{
    /// <summary>The owner's presets of one workflow, by name (ordinal order).</summary>
    Task<IReadOnlyList<Preset>> ListAsync(string ownerId, string dagId, CancellationToken cancellationToken = default);

    Task<Preset?> GetAsync(string ownerId, string dagId, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the preset, or replaces the values of the owner's preset of that name (keeping its creation time). A new
    /// name is refused when the owner already has <paramref name="maxPerWorkflow"/> presets of the workflow.
    /// </summary>
    Task<(Preset? Preset, SavePresetOutcome Outcome)> SaveAsync(
        string ownerId, string dagId, string name, string values, int maxPerWorkflow, CancellationToken cancellationToken = default);

    /// <summary>Deletes the owner's preset; false when there was none.</summary>
    Task<bool> DeleteAsync(string ownerId, string dagId, string name, CancellationToken cancellationToken = default);
}
