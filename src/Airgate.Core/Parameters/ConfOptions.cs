namespace Airgate.Core.Parameters;

/// <summary>Key names of the conf sent to Airflow (<c>Airgate:Conf</c>), for DAGs written against other names.</summary>
public sealed record ConfOptions
{
    public const string SectionName = "Airgate:Conf";
    public const string DefaultCliSuffix = "Cli";

    public static ConfOptions Default { get; } = new();

    public string PipelineConfigsKey { get; init; } = "pipelineConfigs";

    public string PipelineIdKey { get; init; } = "pipelineId";

    /// <summary>Appended to a profile's options field for the <c>cli-string</c> rendering, e.g. <c>nextflowOptionsCli</c>.</summary>
    public string CliSuffix { get; init; } = DefaultCliSuffix;

    /// <summary>The block that says who triggered the run; any client-sent block of this name is dropped.</summary>
    public string IdentityKey { get; init; } = "airgate";

    public string UserIdKey { get; init; } = "triggering_user_id";

    public string UserNameKey { get; init; } = "triggering_user_name";
}
