namespace Airgate.Core.Profiles;

/// <summary>Where and how a profile's parameters go into the conf sent to Airflow.</summary>
public sealed record SubmissionSettings
{
    public const string DefaultOptionsField = "parameters";

    public static SubmissionSettings Default { get; } = new();

    /// <summary>The conf key holding the parameters (<c>options_field</c> / <c>optionsFieldName</c>).</summary>
    public string OptionsField { get; init; } = DefaultOptionsField;

    public SubmissionEncoding Encoding { get; init; } = SubmissionEncoding.JsonObject;

    /// <summary>The wire name of an encoding, as written in profile files and API answers.</summary>
    public static string EncodingName(SubmissionEncoding encoding) =>
        encoding == SubmissionEncoding.CliString ? "cli-string" : "object";
}
