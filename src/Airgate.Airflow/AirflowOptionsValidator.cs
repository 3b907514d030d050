using Airgate.Airflow.Mwaa;
using Microsoft.Extensions.Options;

namespace Airgate.Airflow;

/// <summary>Checks <see cref="AirflowOptions"/> at start and names each wrong key with how to fix it.</summary>
internal sealed class AirflowOptionsValidator(string sectionPath) : IValidateOptions<AirflowOptions>
{
    public ValidateOptionsResult Validate(string? name, AirflowOptions options)
    {
        var failures = new List<string>();
        var key = (string property) => $"{sectionPath}:{property}";

        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add($"{key("Transport")} must be Http (Airflow's REST API at BaseUrl) or Mwaa (Amazon MWAA's InvokeRestApi).");
        }
        else if (options.Transport == AirflowTransport.Mwaa)
        {
            // MWAA authenticates with the AWS credential chain: BaseUrl, Username, Password and Token play no part.
            failures.AddRange(MwaaOptionsValidator.Validate(options.Mwaa, $"{sectionPath}:Mwaa"));
        }
        else
        {
            ValidateHttp(options, key, failures);
        }

        if (!Enum.IsDefined(options.ApiVersion))
        {
            failures.Add($"{key("ApiVersion")} must be auto, v2 (Airflow 3) or v1 (Airflow 2.x).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{key("RequestTimeout")} must be positive, e.g. 00:00:30.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{key("ConnectTimeout")} must be positive, e.g. 00:00:05.");
        }

        if (options.TotalTimeout is { } total && total <= TimeSpan.Zero)
        {
            failures.Add($"{key("TotalTimeout")} must be positive, or left unset.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{key("MaxRetries")} is {options.MaxRetries}: use 0 to 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{key("RetryDelay")} must be between 00:00:00 and 00:01:00.");
        }

        if (options.PooledConnectionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{key("PooledConnectionLifetime")} must be positive, e.g. 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateHttp(AirflowOptions options, Func<string, string> key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            failures.Add($"{key("BaseUrl")} is missing: set it to Airflow's absolute URL, e.g. http://airflow:8080.");
        }
        else if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{key("BaseUrl")} '{options.BaseUrl}' is not an absolute http or https URL: use e.g. http://airflow:8080.");
        }
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            failures.Add($"{key("BaseUrl")} must not carry a query, a fragment or credentials: give only scheme, host, port and an optional path prefix.");
        }

        var hasLogin = !string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (hasLogin && options.UsesStaticToken)
        {
            failures.Add($"Both {key("Token")} and {key("Username")}/{key("Password")} are set: use exactly one way to authenticate, so remove one.");
        }
        else if (!hasLogin && !options.UsesStaticToken)
        {
            failures.Add($"No Airflow credentials: set {key("Username")} and {key("Password")} (Airflow 3: a token is fetched from /auth/token; Airflow 2: basic auth), or {key("Token")}.");
        }
        else if (hasLogin && (string.IsNullOrEmpty(options.Username) || string.IsNullOrEmpty(options.Password)))
        {
            failures.Add($"{key(string.IsNullOrEmpty(options.Username) ? "Username" : "Password")} is missing: set both {key("Username")} and {key("Password")}, or use {key("Token")} instead.");
        }
    }
}
