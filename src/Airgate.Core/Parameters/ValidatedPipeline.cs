using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Parameters;

/// <summary>A pipeline whose parameters (defaults and consts filled) passed its resolved schema.</summary>
public sealed record ValidatedPipeline(ResolvedProfile Profile, JsonObject Parameters);
