using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;

namespace Airgate.Runs;

/// <summary>
/// What a run was started with, as kept in the record's pipelines column: the pipelines and their parameters, the
/// Airflow Params (workflows without a manifest) and the logical date, which a retried trigger must send again; and
/// what the client itself sent (before defaults were filled), so a rerun can tell its own values from defaults.
/// </summary>
internal sealed record StartedWith(IReadOnlyList<RunPipeline> Pipelines, JsonObject? Params, DateTimeOffset? LogicalDate)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static StartedWith Empty { get; } = new([], null, null);

    /// <summary>
    /// Each pipeline's parameters exactly as the client sent them (absent when it sent none), by profile id; null for
    /// runs recorded before reruns existed, whose sent values cannot be told from filled defaults.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject?>? SentPipelines { get; init; }

    /// <summary>The Airflow Params as the client sent them (workflows without a manifest); null when none or unknown.</summary>
    public JsonObject? SentParams { get; init; }

    public static StartedWith From(PreparedTrigger prepared, ConfOptions conf)
    {
        var request = prepared.Request;
        JsonObject? parameters = null;
        if (request?.Form == TriggerRequestForm.DagParams && prepared.Conf is { } built)
        {
            parameters = built.DeepClone().AsObject();
            parameters.Remove(conf.IdentityKey);
        }

        return new StartedWith(
            [.. prepared.Pipelines.Select(p => new RunPipeline(p.Profile.Id, p.Profile.Profile.Name, p.Profile.Profile.Version, p.Parameters.DeepClone()))],
            parameters,
            request?.LogicalDate)
        {
            SentPipelines = request?.Form == TriggerRequestForm.DagParams ? null : request?.Pipelines
                .Where(p => p.Parameters is not null)
                .ToDictionary(p => p.Profile.Id, p => p.Parameters?.DeepClone().AsObject(), StringComparer.Ordinal),
            SentParams = request?.Form == TriggerRequestForm.DagParams ? request.DagParams?.DeepClone().AsObject() : null,
        };
    }

    public static StartedWith Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<StartedWith>(text, Json) ?? Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
