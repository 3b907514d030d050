using System.Text.Json;
using Airgate.JsonSchema;

namespace Airgate.Core.Profiles;

/// <summary>A loaded profile: inheritance applied, schema compiled once, ready to validate parameters.</summary>
public sealed record ResolvedProfile
{
    public required PipelineProfile Profile { get; init; }

    /// <summary>The file it came from, relative to the registry directory.</summary>
    public required string File { get; init; }

    public required ProfileFileForm Form { get; init; }

    /// <summary>
    /// The profile's own schema with every ancestor's resolved schema under <c>$defs</c>, keyed by the reference as
    /// written; ancestors' own <c>$defs</c> are hoisted to this root so every local <c>$ref</c> resolves in this document.
    /// </summary>
    public required JsonElement ResolvedSchema { get; init; }

    /// <summary>The resolved schema, compiled once.</summary>
    public required CompiledSchema Validator { get; init; }

    /// <summary>Ids of every ancestor, nearest first, each once.</summary>
    public IReadOnlyList<string> Ancestors { get; init; } = [];

    public string Id => Profile.Id;
}
