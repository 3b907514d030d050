using System.Net;
using System.Text;
using Airgate.Testing;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry.DynamoDb.Tests;

/// <summary>A fresh pair of CAPE tables on the test server, a client that counts (and can throttle) its requests, and registries over them.</summary>
internal sealed class CapeTablesFixture : IAsyncDisposable
{
    private readonly CountingHttpClientFactory _http = new();

    private CapeTablesFixture()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Options = new DynamoDbRegistryOptions
        {
            PipelinesTable = $"dap-{suffix}",
            WorkflowsTable = $"wf-{suffix}",
            Endpoint = Environment.GetEnvironmentVariable(DynaliteFactAttribute.Variable) ?? string.Empty,
            Region = "eu-west-2",
            RefreshInterval = TimeSpan.FromHours(1),
        };
        Client = DynamoDbClients.Create(Options, new BasicAWSCredentials("test", "test"), _http);
    }

    public DynamoDbRegistryOptions Options { get; }

    public IAmazonDynamoDB Client { get; }

    /// <summary>Scan requests sent so far (retries included).</summary>
    public int Scans => _http.Handler.Scans;

    /// <summary>Answers the next <paramref name="count"/> scans with DynamoDB's throttling error.</summary>
    public void Throttle(int count) => _http.Handler.ThrottleNext = count;

    public static async Task<CapeTablesFixture> CreateAsync()
    {
        var fixture = new CapeTablesFixture();
        await CapeTables.CreateAndWaitAsync(fixture.Client, CapeTables.Pipelines(fixture.Options.PipelinesTable), CancellationToken.None);
        await CapeTables.CreateAndWaitAsync(fixture.Client, CapeTables.Workflows(fixture.Options.WorkflowsTable), CancellationToken.None);
        return fixture;
    }

    public DynamoDbPipelineRegistry Registry() => new(
        new DynamoDbRegistryClient(Client),
        Microsoft.Extensions.Options.Options.Create(new RegistryOptions { Source = RegistrySource.DynamoDb, DynamoDb = Options }),
        new ManualTimeProvider(),
        NullLogger<DynamoDbPipelineRegistry>.Instance);

    public Task PutAsync(string table, Dictionary<string, AttributeValue> item) => Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });

    public async Task<int> PushAsync(string directory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RegistryPush.RunAsync(directory, Client, Options, dryRun: false, createTables: false, output, error, CancellationToken.None);
        Output = output + error.ToString();
        return exit;
    }

    public string Output { get; private set; } = string.Empty;

    public async ValueTask DisposeAsync()
    {
        foreach (var table in (string[])[Options.PipelinesTable, Options.WorkflowsTable])
        {
            try
            {
                await Client.DeleteTableAsync(table);
            }
            catch (ResourceNotFoundException)
            {
                // A test deleted it.
            }
        }

        Client.Dispose();
    }

    private sealed class CountingHttpClientFactory : HttpClientFactory
    {
        public ThrottlingHandler Handler { get; } = new() { InnerHandler = new HttpClientHandler() };

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(Handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }

    private sealed class ThrottlingHandler : DelegatingHandler
    {
        private int _scans;
        private int _throttleNext;

        public int Scans => Volatile.Read(ref _scans);

        public int ThrottleNext
        {
            set => Volatile.Write(ref _throttleNext, value);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Any(t => t.EndsWith(".Scan", StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref _scans);
                if (Interlocked.Decrement(ref _throttleNext) >= 0)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
                    {
                        Content = new StringContent(
                            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}",
                            Encoding.UTF8,
                            "application/x-amz-json-1.0"),
                    });
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
