namespace Airgate.Core.Presets;

/// <summary>What saving a preset did.</summary>
public enum SavePresetOutcome
{
    Created,
    Replaced,

    /// <summary>The owner already has the most presets allowed for the workflow; nothing was saved.</summary>
    LimitReached,
}
