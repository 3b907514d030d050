using System.Text.Json;
using Airgate.Airflow.Models;
using Airgate.Core.Parameters;

namespace Airgate.Workflows;

/// <summary>Hands a DAG's Params, in Airflow's serialized form, to Core's schema builder.</summary>
internal static class DagParamsSchemaSource
{
    private static readonly JsonSerializerOptions AirflowForm = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static DagParamsSchema For(AirflowDagDetails details) =>
        DagParamsSchema.Build(JsonSerializer.SerializeToElement(details.Params, AirflowForm));
}
