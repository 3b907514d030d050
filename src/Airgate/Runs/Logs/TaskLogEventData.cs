using System.Text.Json;

namespace Airgate.Runs.Logs;

/// <summary>The data of a followed log's <c>log</c> event: the entries written since the last event.</summary>
internal sealed record TaskLogEventData(IReadOnlyList<JsonElement> Content);
