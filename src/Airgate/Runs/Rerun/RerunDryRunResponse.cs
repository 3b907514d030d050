using System.Text.Json.Nodes;

namespace Airgate.Runs.Rerun;

/// <summary>What a rerun would send (as a trigger's dry run answers it) and what it would change.</summary>
internal sealed record RerunDryRunResponse(JsonObject Conf, IReadOnlyList<RunPipeline> Pipelines, JsonObject? Params, IReadOnlyList<ParameterChange> Changes);
