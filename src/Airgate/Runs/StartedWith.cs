using System.Text.Json;
using System.Text.Json.Nodes;
using Airgate.Core.Parameters;

namespace Airgate.Runs;

/// <summary>
/// What a run was started with, as kept in the record's pipelines column: the pipelines and their parameters, the
/// Airflow Params (workflows without a manifest) and the logical date, which a retried trigger must send again.
/// </summary>
internal sealed record StartedWith(IReadOnlyList<RunPipeline> Pipelines, JsonObject? Params, DateTimeOffset? LogicalDate)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static StartedWith Empty { get; } = new([], null, null);

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
            request?.LogicalDate);
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
