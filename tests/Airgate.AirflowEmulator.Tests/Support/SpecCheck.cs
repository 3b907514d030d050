using Airgate.Testing;
using Airgate.Testing.OpenApi;

namespace Airgate.AirflowEmulator.Tests.Support;

/// <summary>
/// Every checked response goes through the Airflow 3.2.1 contract. Routes outside the spec (<c>/auth/token</c>,
/// unmatched paths) are not the spec's business and pass unchecked.
/// </summary>
internal static class SpecCheck
{
    private static readonly Lazy<OpenApiContract> Contract = new(() =>
        OpenApiContract.Load(RepositoryPaths.InShared("airflow", "openapi", "airflow-3.2.1-v2.yaml")));

    public static IReadOnlyList<string> Problems(string method, string pathAndQuery, int status, string body, string? mediaType = null)
    {
        var path = pathAndQuery.Split('?', 2)[0];
        if (!path.StartsWith("/api/v2/", StringComparison.Ordinal) || Contract.Value.FindOperation(method, path) is null)
        {
            return [];
        }

        return Contract.Value.ValidateResponse(method, pathAndQuery, status, body, mediaType);
    }
}
