using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Airgate.Core.Registry.DynamoDb;

/// <summary>
/// The DynamoDB client for the registry tables: credentials from the AWS SDK's default chain (environment, profile,
/// web identity, container and instance roles), the region and endpoint from <see cref="DynamoDbRegistryOptions"/>,
/// and the SDK's standard retry mode, which retries throttling and 5xx answers with jittered exponential backoff.
/// </summary>
public static class DynamoDbClients
{
    /// <summary>Attempts per call, the first included; throttled scans of a large table get several backoffs.</summary>
    public const int MaxAttempts = 6;

    /// <summary>A client for <paramref name="options"/>; tests pass their own <paramref name="credentials"/> and <paramref name="httpClientFactory"/>.</summary>
    public static IAmazonDynamoDB Create(DynamoDbRegistryOptions options, AWSCredentials? credentials = null, HttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = MaxAttempts - 1,
            Timeout = TimeSpan.FromSeconds(10),
        };
        if (options.Region.Length > 0)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (options.Endpoint.Length > 0)
        {
            config.ServiceURL = options.Endpoint;
            // Requests to an endpoint override are still signed for a region: the configured one, else the SDK's.
            config.AuthenticationRegion = options.Region.Length > 0 ? options.Region : FallbackRegion();
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }

    private static string FallbackRegion() =>
        Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region
        : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } fallback ? fallback
        : "us-east-1";
}
