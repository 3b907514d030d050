using System.Text.RegularExpressions;

namespace Airgate.Airflow.Mwaa;

/// <summary>Checks <see cref="MwaaOptions"/> (part of <see cref="AirflowOptionsValidator"/>): every wrong key, named, with how to fix it.</summary>
internal static partial class MwaaOptionsValidator
{
    public static IEnumerable<string> Validate(MwaaOptions options, string sectionPath)
    {
        if (string.IsNullOrWhiteSpace(options.Environment))
        {
            yield return $"{sectionPath}:Environment is missing: set it to the MWAA environment's name (as in arn:aws:airflow:{{region}}:{{account}}:environment/{{Name}}).";
        }
        else if (!EnvironmentName().IsMatch(options.Environment))
        {
            yield return $"{sectionPath}:Environment is not an MWAA environment name: 1-80 characters, a letter first, then letters, digits, '-' or '_'.";
        }

        if (options.Region is { } region && !RegionName().IsMatch(region))
        {
            yield return $"{sectionPath}:Region is not an AWS region name (e.g. eu-west-1): fix it, or leave it unset to use the AWS environment's region.";
        }

        if (options.Endpoint is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return $"{sectionPath}:Endpoint is not an absolute http or https URL: use e.g. https://vpce-0123-abcd.airflow.eu-west-1.vpce.amazonaws.com, or leave it unset.";
            }
            else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo) || uri.AbsolutePath != "/")
            {
                yield return $"{sectionPath}:Endpoint must be scheme, host and port only (no path, query, fragment or credentials): Airgate adds /restapi/{{Environment}}.";
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z][0-9a-zA-Z_-]{0,79}$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
