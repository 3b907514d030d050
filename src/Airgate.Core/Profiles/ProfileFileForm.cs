namespace Airgate.Core.Profiles;

/// <summary>Which of the two accepted file shapes a profile was read from (SPEC 2 and 2.1).</summary>
public enum ProfileFileForm
{
    /// <summary>Airgate's snake_case form: <c>id, name, parameters_schema, ...</c>.</summary>
    Native,

    /// <summary>The camelCase form existing deployments use: <c>pipelineId, pipelineName, parametersSchema, ...</c>.</summary>
    Compatible,
}
