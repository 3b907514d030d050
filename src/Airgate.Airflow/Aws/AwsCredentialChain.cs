using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Airgate.Airflow.Aws;

/// <summary>
/// The standard AWS credential chain and region lookup of AWSSDK.Core, for every Airgate part that calls AWS (the MWAA
/// transport; a registry read from DynamoDB): environment variables, the shared profile (<c>AWS_PROFILE</c>), web
/// identity (EKS service accounts, through AWSSDK.SecurityToken), the container role (ECS) and the instance role (EC2).
/// The SDK caches what it finds and refreshes temporary credentials before they expire; callers ask for
/// <see cref="GetCredentialsAsync"/> on every signature and never keep the answer.
/// </summary>
public sealed class AwsCredentialChain : IDisposable
{
    private readonly Func<AWSCredentials> _resolve;
    private readonly DefaultAWSCredentialsIdentityResolver? _default;

    /// <summary>The SDK's default chain.</summary>
    public AwsCredentialChain()
    {
        _default = new DefaultAWSCredentialsIdentityResolver();
        _resolve = () => _default.ResolveIdentity(clientConfig: null);
    }

    /// <summary>Fixed credentials (tests, the emulator in <c>airgate dev</c>): the same code path, a known source.</summary>
    public AwsCredentialChain(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _resolve = () => credentials;
    }

    /// <summary>
    /// The current credentials (renewed by the SDK when temporary ones near their expiry), or null when no source in the
    /// chain has any: the caller refuses to call AWS unsigned (fail closed).
    /// </summary>
    public async Task<ImmutableCredentials?> GetCredentialsAsync()
    {
        try
        {
            var credentials = _resolve();
            return await credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException)
        {
            // The SDK's way of saying no source had credentials, or a source (STS, IMDS) failed.
            return null;
        }
    }

    /// <summary>The kind of source that answered (e.g. <c>EnvironmentVariablesAWSCredentials</c>), never its secrets; null when none did.</summary>
    public string? DescribeSource()
    {
        try
        {
            return _resolve().GetType().Name;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <summary>
    /// The configured region, else the AWS environment's (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the shared
    /// profile, the instance's); null when none says.
    /// </summary>
    public static string? ResolveRegion(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _default?.Dispose();
}
