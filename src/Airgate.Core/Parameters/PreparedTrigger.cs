using System.Text.Json.Nodes;

namespace Airgate.Core.Parameters;

/// <summary>Everything a trigger needs once its body is checked: the conf to send and the idempotency fingerprint, or every error.</summary>
public sealed record PreparedTrigger
{
    public TriggerRequest? Request { get; init; }

    public IReadOnlyList<ParameterError> Errors { get; init; } = [];

    /// <summary>The exact conf for Airflow (what a dry run answers); null when there are errors.</summary>
    public JsonObject? Conf { get; init; }

    /// <summary>SHA-256 of the normalised request; set whenever the body parsed cleanly, even if its parameters are invalid.</summary>
    public string? Fingerprint { get; init; }

    public IReadOnlyList<ValidatedPipeline> Pipelines { get; init; } = [];

    /// <summary>True when the parameters could not be checked in time (see <see cref="ParameterValidationResult.Undetermined"/>): answer 503, never 400.</summary>
    public bool Undetermined { get; init; }

    public bool IsValid => Errors.Count == 0 && Conf is not null && !Undetermined;
}
