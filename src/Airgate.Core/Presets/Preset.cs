namespace Airgate.Core.Presets;

/// <summary>
/// A user's saved launch form for one workflow: <see cref="Values"/> is a JSON object shaped like a trigger body
/// (<c>{"pipelines": {...}}</c> or <c>{"params": {...}}</c>), kept verbatim. It is not validated when saved (a preset may be
/// half done); starting a run from it is validated like any trigger.
/// </summary>
public sealed record Preset(string OwnerId, string DagId, string Name, string Values, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
