using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Parameters;

/// <summary>One pipeline of a trigger request: its profile and the parameters as the client sent them (null when it sent none).</summary>
public sealed record PipelineRequest(ResolvedProfile Profile, JsonObject? Parameters);
