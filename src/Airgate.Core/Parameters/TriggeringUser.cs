namespace Airgate.Core.Parameters;

/// <summary>The signed-in user a run is started for, as the gateway authenticated them.</summary>
public sealed record TriggeringUser(string Id, string Name);
