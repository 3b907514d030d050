using System.Text.Json.Nodes;

namespace Airgate.Runs;

/// <summary>A pipeline a run was started with and its parameters (defaults and consts filled).</summary>
internal sealed record RunPipeline(string Id, string? Name, string? Version, JsonNode? Parameters);
