using System.Text.Json;
using Airgate.Core.Profiles;

namespace Airgate.Pipelines;

/// <summary>A profile in the native snake_case form, whatever form its file used, with its schema fully resolved.</summary>
internal sealed record PipelineResponse
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public string? Description { get; init; }

    public string? Type { get; init; }

    public string? Project { get; init; }

    public bool Runnable { get; init; }

    public IReadOnlyList<string> Inherits { get; init; } = [];

    /// <summary>Inheritance applied, every ancestor under <c>$defs</c>: a form can be built from it alone.</summary>
    public required JsonElement ParametersSchema { get; init; }

    public JsonElement? UiSchema { get; init; }

    public required SubmissionResponse Submission { get; init; }

    public static PipelineResponse From(ResolvedProfile resolved)
    {
        var profile = resolved.Profile;
        return new PipelineResponse
        {
            Id = profile.Id,
            Name = profile.Name,
            Version = profile.Version,
            Description = profile.Description,
            Type = profile.Type,
            Project = profile.Project,
            Runnable = profile.Runnable,
            Inherits = profile.Inherits,
            ParametersSchema = resolved.ResolvedSchema,
            UiSchema = profile.UiSchema,
            Submission = new SubmissionResponse(
                profile.Submission.OptionsField, SubmissionSettings.EncodingName(profile.Submission.Encoding)),
        };
    }
}

/// <summary>Where a profile's parameters go in the run's conf, and how they are encoded.</summary>
internal sealed record SubmissionResponse(string OptionsField, string Encoding);
