using System.Text.Json.Serialization;

namespace Airgate.Core.Registry;

/// <summary>How much a registry problem matters (SPEC 3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProblemSeverity>))]
public enum ProblemSeverity
{
    /// <summary>The file (or what it defines) is left out of the registry.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The file is loaded; the problem is listed so its owners can tidy it.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}
