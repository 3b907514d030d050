using System.Text.Json.Nodes;

namespace Airgate.Runs;

/// <summary>A pipeline a run was started with and its parameters (defaults and consts filled).</summary>
internal sealed record RunPipeline(string Id, string? Name, string? Version, JsonNode? Parameters)
{
    /// <summary>SHA-256 (hex) of the resolved schema the parameters were validated against; null for runs before pinning.</summary>
    public string? SchemaHash { get; init; }

    /// <summary>Run detail only: whether the profile's schema has changed since the run; null when unknown.</summary>
    public bool? SchemaChanged { get; init; }
}
