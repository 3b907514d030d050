using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry.DynamoDb;

/// <summary>
/// Holds the registry's DynamoDB client, made from the options on first use (so a directory registry never builds one).
/// Tests construct it with a client of their own (credentials, fault injection).
/// </summary>
public sealed class DynamoDbRegistryClient : IDisposable
{
    private readonly Lazy<IAmazonDynamoDB> _client;

    public DynamoDbRegistryClient(IOptions<RegistryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new(() => DynamoDbClients.Create(options.Value.DynamoDb));
    }

    public DynamoDbRegistryClient(IAmazonDynamoDB client) => _client = new(client);

    public IAmazonDynamoDB Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
