using System.Text.Json.Nodes;

namespace Airgate.AirflowEmulator.Tests.Support;

/// <summary>Reads a run and its task instances' states through the API.</summary>
internal static class RunReader
{
    public static async Task<JsonNode> RunAsync(this EmulatorHarness h, string dagId, string runId) =>
        (await h.GetAsync($"api/v2/dags/{dagId}/dagRuns/{Uri.EscapeDataString(runId)}")).Json;

    public static async Task<string> RunStateAsync(this EmulatorHarness h, string dagId, string runId) =>
        (await h.RunAsync(dagId, runId))["state"]!.GetValue<string>();

    /// <summary>Task states keyed <c>task_id</c> or <c>task_id[map_index]</c>; null when the instance has no status.</summary>
    public static async Task<Dictionary<string, string?>> TaskStatesAsync(this EmulatorHarness h, string dagId, string runId)
    {
        var answer = await h.GetAsync($"api/v2/dags/{dagId}/dagRuns/{Uri.EscapeDataString(runId)}/taskInstances?limit=100");
        return answer.Json["task_instances"]!.AsArray().ToDictionary(
            ti => ti!["map_index"]!.GetValue<int>() < 0 ? ti["task_id"]!.GetValue<string>() : $"{ti["task_id"]!.GetValue<string>()}[{ti["map_index"]!.GetValue<int>()}]",
            ti => ti!["state"]?.GetValue<string>());
    }
}
