using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Parameters;

/// <summary>A pipeline whose parameters (defaults and consts filled) passed its resolved schema.</summary>
public sealed record ValidatedPipeline(ResolvedProfile Profile, JsonObject Parameters)
{
    /// <summary>The top-level parameters the client sent (the rest were filled from defaults); null when not known, which counts every parameter as set.</summary>
    public IReadOnlySet<string>? SetByUser { get; init; }
}
