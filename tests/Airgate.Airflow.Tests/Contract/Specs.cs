using Airgate.Testing;
using Airgate.Testing.OpenApi;

namespace Airgate.Airflow.Tests.Contract;

/// <summary>The Airflow specs the tests check against.</summary>
internal static class Specs
{
    public static OpenApiContract V321 => OpenApiContract.Load(RepositoryPaths.InShared("airflow", "openapi", "airflow-3.2.1-v2.yaml"));

    public static OpenApiContract V2100 => OpenApiContract.Load(RepositoryPaths.InShared("airflow", "openapi", "airflow-2.10.0-v1.yaml"));

    public static OpenApiContract V302 => OpenApiContract.Load(RepositoryPaths.InShared("airflow", "openapi", "airflow-3.0.2-v2.yaml"));
}
