using Airgate.Core.Profiles;

namespace Airgate.Pipelines;

/// <summary>A short reference to a profile, as listed on workflows and tasks.</summary>
internal sealed record PipelineRef(string Id, string Name, string Version)
{
    public static PipelineRef From(ResolvedProfile profile) => new(profile.Id, profile.Profile.Name, profile.Profile.Version);
}
