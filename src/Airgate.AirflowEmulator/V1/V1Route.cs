namespace Airgate.AirflowEmulator.V1;

/// <summary>What an <c>/api/v1</c> request maps to: the <c>/api/v2</c> path serving it and how its answer is reshaped.</summary>
internal sealed record V1Route(string V2Path, V1Answer Answer, string? UpdateMask = null);
