using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Airgate.Airflow.Http;

/// <summary>Airflow's JSON: snake_case, unknown fields ignored, nulls omitted unless a field says otherwise.</summary>
internal static class AirflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepDefaultsForNulls } },
    };

    // Airflow sends null for some lists and maps we model as never null (downstream_task_ids, params):
    // keep the property's default (empty) instead of storing a null the type says cannot be there.
    private static void KeepDefaultsForNulls(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is { } set && !property.PropertyType.IsValueType && !property.IsSetNullable)
            {
                property.Set = (target, value) =>
                {
                    if (value is not null)
                    {
                        set(target, value);
                    }
                };
            }
        }
    }
}
