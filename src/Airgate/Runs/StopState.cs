using System.Text.Json.Serialization;

namespace Airgate.Runs;

/// <summary>The states a stop may set (documentation of <see cref="StopRunBody"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StopState>))]
internal enum StopState
{
    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("success")]
    Success,
}
