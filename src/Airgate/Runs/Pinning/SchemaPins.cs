using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;
using Airgate.Core.Profiles;
using Airgate.Core.Registry;

namespace Airgate.Runs.Pinning;

/// <summary>
/// Schema pinning: the SHA-256 (lowercase hex) of the canonical JSON of each resolved schema a run was validated
/// against, stored with the run, so run detail can say whether a pipeline's profile has changed since.
/// </summary>
internal static class SchemaPins
{
    // A snapshot's profiles are immutable, so each schema is hashed once per registry load, not once per trigger.
    private static readonly ConditionalWeakTable<ResolvedProfile, string> Hashes = [];

    public static string Hash(ResolvedProfile profile) =>
        Hashes.GetValue(profile, static p => Convert.ToHexStringLower(SHA256.HashData(
            Encoding.UTF8.GetBytes(CanonicalJson.Write(JsonNode.Parse(p.ResolvedSchema.GetRawText()))))));

    /// <summary>The record's <c>schema_hashes</c> column: <c>{"&lt;profile id&gt;": "&lt;hash&gt;"}</c>; null for Params workflows.</summary>
    public static string? Serialize(IReadOnlyList<ValidatedPipeline> pipelines) =>
        pipelines.Count == 0
            ? null
            : new JsonObject(pipelines.Select(p => KeyValuePair.Create(p.Profile.Id, (JsonNode?)Hash(p.Profile)))).ToJsonString();

    /// <summary>Reads the column back; an empty map when the run predates pinning or the text is unreadable.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? column)
    {
        if (string.IsNullOrEmpty(column))
        {
            return new Dictionary<string, string>();
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(column) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>The pipelines with the hash each was validated against (null before pinning).</summary>
    public static IReadOnlyList<RunPipeline> WithHashes(IReadOnlyList<RunPipeline> pipelines, string? column)
    {
        var hashes = Parse(column);
        return hashes.Count == 0 ? pipelines : [.. pipelines.Select(p => p with { SchemaHash = hashes.GetValueOrDefault(p.Id) })];
    }

    /// <summary>
    /// Run detail: each pipeline's <c>schema_changed</c>, true when its profile's resolved schema now hashes
    /// differently; null when the run predates pinning or the profile is no longer in the registry.
    /// </summary>
    public static RunResponse MarkChanged(RunResponse run, RegistrySnapshot registry) => run with
    {
        Pipelines = [.. run.Pipelines.Select(p => p with
        {
            SchemaChanged = p.SchemaHash is { } pinned && registry.ProfilesById.GetValueOrDefault(p.Id) is { } now
                ? !string.Equals(pinned, Hash(now), StringComparison.Ordinal)
                : null,
        })],
    };
}
