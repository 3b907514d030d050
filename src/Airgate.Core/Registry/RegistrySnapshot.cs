using System.Collections.Frozen;
using Airgate.Core.Manifests;
using Airgate.Core.Profiles;

namespace Airgate.Core.Registry;

/// <summary>One immutable, consistent view of the registry: what loaded, and every problem found while loading.</summary>
public sealed class RegistrySnapshot
{
    private readonly FrozenDictionary<string, ResolvedProfile> _byId;
    private readonly FrozenDictionary<string, ResolvedProfile> _byNameAtVersion;
    private readonly FrozenDictionary<string, WorkflowManifest> _manifests;

    public RegistrySnapshot(IEnumerable<ResolvedProfile> profiles, IEnumerable<WorkflowManifest> manifests, IEnumerable<RegistryProblem> problems)
    {
        Profiles = [.. profiles.OrderBy(p => p.Id, StringComparer.Ordinal)];
        Manifests = [.. manifests.OrderBy(m => m.DagId, StringComparer.Ordinal)];
        Problems = [.. problems];
        _byId = Profiles.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _byNameAtVersion = Profiles.DistinctBy(p => p.Profile.NameAtVersion, StringComparer.Ordinal)
            .ToFrozenDictionary(p => p.Profile.NameAtVersion, StringComparer.Ordinal);
        _manifests = Manifests.ToFrozenDictionary(m => m.DagId, StringComparer.Ordinal);
    }

    public static RegistrySnapshot Empty { get; } = new([], [], []);

    /// <summary>Loaded profiles, ordered by id.</summary>
    public IReadOnlyList<ResolvedProfile> Profiles { get; }

    public IReadOnlyDictionary<string, ResolvedProfile> ProfilesById => _byId;

    /// <summary>Loaded manifests, ordered by dag_id.</summary>
    public IReadOnlyList<WorkflowManifest> Manifests { get; }

    public IReadOnlyDictionary<string, WorkflowManifest> ManifestsByDagId => _manifests;

    /// <summary>Every problem, ordered by file; files with problems are left out of the loaded profiles and manifests.</summary>
    public IReadOnlyList<RegistryProblem> Problems { get; }

    /// <summary>Finds a loaded profile by id or <c>name@version</c>.</summary>
    public ResolvedProfile? FindProfile(string reference) =>
        _byId.TryGetValue(reference, out var byId) ? byId
        : _byNameAtVersion.TryGetValue(reference, out var byName) ? byName
        : null;

    public WorkflowManifest? FindManifest(string dagId) => _manifests.GetValueOrDefault(dagId);

    /// <summary>A manifest's profiles in stage order.</summary>
    public IReadOnlyList<ResolvedProfile> PipelinesOf(WorkflowManifest manifest) =>
        [.. manifest.Pipelines.Select(id => _byId.GetValueOrDefault(id)).OfType<ResolvedProfile>()];
}
