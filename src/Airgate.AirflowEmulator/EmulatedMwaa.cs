namespace Airgate.AirflowEmulator;

/// <summary>
/// An emulated Amazon MWAA in front of the emulated Airflow: <c>POST /restapi/{Environment}</c>, checked with AWS
/// Signature Version 4 against these test credentials. Every member has a usable default.
/// </summary>
public sealed record EmulatedMwaa
{
    /// <summary>The environment name <c>/restapi/{Name}</c> answers for; any other is <c>ResourceNotFoundException</c>.</summary>
    public string Environment { get; init; } = "airgate-dev";

    /// <summary>The region requests must be signed for.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The only access key id accepted.</summary>
    public string AccessKeyId { get; init; } = "AKIAAIRGATEEMULATOR1";

    /// <summary>The secret access key of <see cref="AccessKeyId"/>: a test value, never a real secret.</summary>
    public string SecretAccessKey { get; init; } = "airgate-emulator-test-secret-not-a-real-key";

    /// <summary>How far <c>X-Amz-Date</c> may be from the emulator's clock, as on AWS.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When set, a <c>Path</c> longer than this is refused with <c>ValidationException</c>, as MWAA's API reference says (64); null accepts any.</summary>
    public int? MaxPathLength { get; init; }
}
