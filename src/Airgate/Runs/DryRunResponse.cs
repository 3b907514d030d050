using System.Text.Json.Nodes;

namespace Airgate.Runs;

/// <summary>What a trigger would send: the exact conf, and the validated pipelines or Params.</summary>
internal sealed record DryRunResponse(JsonObject Conf, IReadOnlyList<RunPipeline> Pipelines, JsonObject? Params);
