using System.Text.Json.Serialization;

namespace Airgate.Runs.Rerun;

/// <summary>Who changed a parameter in a rerun.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeSource>))]
internal enum ChangeSource
{
    /// <summary>The rerun's merge patch set or removed it.</summary>
    [JsonStringEnumMemberName("user")]
    User,

    /// <summary>The profile's (or Param's) default changed since the old run.</summary>
    [JsonStringEnumMemberName("default")]
    Default,
}
