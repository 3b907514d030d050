using Airgate.Testing;
using Airgate.Testing.OpenApi;

namespace Airgate.AirflowEmulator.Tests.V1;

/// <summary>Airflow 2.10.0's spec, which every <c>/api/v1</c> exchange here is checked against.</summary>
internal static class V1Spec
{
    public static OpenApiContract Contract => OpenApiContract.Load(RepositoryPaths.InShared("airflow", "openapi", "airflow-2.10.0-v1.yaml"));

    /// <summary>The problems of every exchange under /api/v1 (requests and answers), one line each.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<RecordedExchange> exchanges) =>
        [.. exchanges
            .Where(e => e.Request.Path.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => Contract.ValidateExchange(e).Select(p => $"{e.Request.Method} {e.Request.PathAndQuery} -> {e.Status}: {p}\n    {e.ResponseBody}"))];
}
