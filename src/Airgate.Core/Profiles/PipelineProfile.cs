using System.Text.Json;

namespace Airgate.Core.Profiles;

/// <summary>One version of one pipeline (a "DAP"), in Airgate's native shape whatever form its file used.</summary>
public sealed record PipelineProfile
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public string? Description { get; init; }

    public string? Type { get; init; }

    public string? Project { get; init; }

    /// <summary>False for base profiles that exist only to be inherited.</summary>
    public bool Runnable { get; init; } = true;

    /// <summary>References as written in the file: ids, <c>name@version</c> or file stems.</summary>
    public IReadOnlyList<string> Inherits { get; init; } = [];

    /// <summary>The parameter schema as written in the file, before inheritance.</summary>
    public required JsonElement ParametersSchema { get; init; }

    /// <summary>Opaque UI hints (e.g. a JSON Forms layout), passed through untouched.</summary>
    public JsonElement? UiSchema { get; init; }

    public SubmissionSettings Submission { get; init; } = SubmissionSettings.Default;

    /// <summary>The <c>name@version</c> alias that may be used wherever an id is accepted.</summary>
    public string NameAtVersion => $"{Name}@{Version}";
}
