using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airgate.Airflow.Http;

/// <summary>Airflow's JSON: snake_case, unknown fields ignored, nulls omitted unless a field says otherwise.</summary>
internal static class AirflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
