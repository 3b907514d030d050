namespace Airgate.Core.Profiles;

/// <summary>How a profile's parameters are written into the run's conf.</summary>
public enum SubmissionEncoding
{
    /// <summary>The parameters as a JSON object under the options field (<c>object</c>).</summary>
    JsonObject,

    /// <summary>The JSON object plus a POSIX-shell-quoted command-line string (<c>cli-string</c>).</summary>
    CliString,
}
