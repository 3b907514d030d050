namespace Airgate.AirflowEmulator.Http;

/// <summary>
/// Route values arrive decoded except for <c>%2F</c>, which the server keeps encoded so that <c>a%2Fb</c> stays one
/// segment; decoding it here gives the id the client meant.
/// </summary>
internal static class PathSegment
{
    public static string Decode(string? routeValue) =>
        (routeValue ?? string.Empty).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
