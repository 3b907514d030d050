using System.Text.Json.Nodes;
using Airgate.Core.Profiles;

namespace Airgate.Core.Parameters;

/// <summary>
/// Builds the conf sent to Airflow from validated parameters and the authenticated user. The identity block is always
/// written by the gateway: whatever the client sent under that key is never forwarded.
/// </summary>
public static class ConfBuilder
{
    /// <summary><c>{"pipelineConfigs": [{"pipelineId", "&lt;options_field&gt;": {...}, "&lt;options_field&gt;Cli"?}], "airgate": {...}}</c>.</summary>
    public static JsonObject Build(IReadOnlyList<ValidatedPipeline> pipelines, TriggeringUser user, ConfOptions? options = null)
    {
        options ??= ConfOptions.Default;
        var configs = new JsonArray();
        foreach (var pipeline in pipelines)
        {
            var submission = pipeline.Profile.Profile.Submission;
            var entry = new JsonObject
            {
                [options.PipelineIdKey] = pipeline.Profile.Id,
                [submission.OptionsField] = pipeline.Parameters.DeepClone(),
            };
            if (submission.Encoding == SubmissionEncoding.CliString)
            {
                entry[submission.OptionsField + options.CliSuffix] = NextflowCommandLine.IsNextflow(pipeline.Profile)
                    ? NextflowCommandLine.Render(pipeline)
                    : PosixShell.Render(pipeline.Parameters);
            }

            configs.Add(entry);
        }

        return new JsonObject
        {
            [options.PipelineConfigsKey] = configs,
            [options.IdentityKey] = Identity(user, options),
        };
    }

    /// <summary>For a workflow driven by Airflow Params: the params themselves, plus the identity block.</summary>
    public static JsonObject BuildForDagParams(JsonObject parameters, TriggeringUser user, ConfOptions? options = null)
    {
        options ??= ConfOptions.Default;
        var conf = parameters.DeepClone().AsObject();
        conf.Remove(options.IdentityKey);
        conf[options.IdentityKey] = Identity(user, options);
        return conf;
    }

    private static JsonObject Identity(TriggeringUser user, ConfOptions options) => new()
    {
        [options.UserIdKey] = user.Id,
        [options.UserNameKey] = user.Name,
    };
}
