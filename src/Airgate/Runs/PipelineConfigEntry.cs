using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airgate.Runs;

/// <summary>One entry of the compatible trigger form: <c>{"pipelineId": "...", "&lt;optionsFieldName&gt;": {...}}</c> (documentation only).</summary>
[Description("A pipeline and its parameters under the profile's options field (submission.options_field, default 'parameters').")]
internal sealed record PipelineConfigEntry
{
    [JsonPropertyName("pipelineId"), Description("Profile id or name@version.")]
    public required string PipelineId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Options { get; init; }
}
