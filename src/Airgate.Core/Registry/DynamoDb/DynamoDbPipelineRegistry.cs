using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Airgate.Core.Registry.DynamoDb;

/// <summary>
/// The registry read from CAPE's DynamoDB tables at start and every <see cref="DynamoDbRegistryOptions.RefreshInterval"/>.
/// Each read builds a whole snapshot with the same loader, checks and last-good rules as a directory, and swaps it in
/// with one reference write. A read that fails (a table gone, access denied, throttled past the SDK's retries) keeps
/// the last good snapshot and adds one problem saying so; every replica reads the same tables, so replicas agree
/// within one interval without sharing files.
/// </summary>
public sealed partial class DynamoDbPipelineRegistry : IPipelineRegistry, IRefreshingRegistry, IDisposable
{
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbRegistryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _timer;
    private RegistrySnapshot _current = RegistrySnapshot.Empty;
    private RegistrySnapshot? _lastGood;
    private RegistryRefreshState _state;

    public DynamoDbPipelineRegistry(DynamoDbRegistryClient client, IOptions<RegistryOptions> options, TimeProvider time, ILogger<DynamoDbPipelineRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client.Client;
        _options = options.Value.DynamoDb;
        _time = time;
        _logger = logger;
        _state = new RegistryRefreshState(SourceName, null, "not read yet", time.GetUtcNow());
        // The first read happens before the host serves, as a directory is loaded at start; it never throws.
        Task.Run(() => RefreshAsync(CancellationToken.None)).GetAwaiter().GetResult();
        _timer = time.CreateTimer(_ => _ = RefreshAsync(CancellationToken.None), null, _options.RefreshInterval, _options.RefreshInterval);
    }

    public RegistrySnapshot Current => Volatile.Read(ref _current);

    public RegistryRefreshState State => Volatile.Read(ref _state);

    private string SourceName => $"DynamoDB tables {_options.PipelinesTable} and {_options.WorkflowsTable}";

    /// <summary>Reads both tables once and swaps in what loaded; a refresh already running makes this one a no-op.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            var (items, itemProblems) = await DynamoDbRegistryReader.ReadAsync(_client, _options, cancellationToken);
            var problems = itemProblems.ToList();
            var snapshot = RegistryLoader.LoadItems(items, problems, _lastGood);
            snapshot = PointIntoItems(snapshot, _options.PipelinesTable);
            _lastGood = snapshot;
            Volatile.Write(ref _state, new RegistryRefreshState(SourceName, _time.GetUtcNow(), null, null));
            Volatile.Write(ref _current, snapshot);
            LogLoaded(_logger, SourceName, snapshot.Profiles.Count, snapshot.Manifests.Count, snapshot.Problems.Count);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed(exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _gate.Dispose();
    }

    private void Failed(Exception exception)
    {
        var table = exception is DynamoDbTableException { Table: var failedTable } ? failedTable : _options.PipelinesTable;
        var reason = Describe(exception is DynamoDbTableException { InnerException: { } inner } ? inner : exception);
        var previous = State;
        var since = previous.Failure is not null ? previous.FailingSince ?? _time.GetUtcNow() : _time.GetUtcNow();

        Volatile.Write(ref _state, previous with { Failure = reason, FailingSince = since });
        LogFailed(_logger, SourceName, reason, exception);

        var good = _lastGood ?? RegistrySnapshot.Empty;
        var message = _lastGood is null
            ? $"The table cannot be read ({reason}) since {since:u}; no registry has loaded yet, so no profile or manifest is known until a read succeeds."
            : $"The table cannot be read ({reason}) since {since:u}; the last good registry, read at {previous.LastSuccess:u}, stays in use.";
        var problem = new RegistryProblem(table, string.Empty, message);
        // Swap only when the message changes: a new snapshot makes every cached answer and ETag change.
        if (Current.Problems.Count == 0 || Current.Problems[0] != problem)
        {
            Volatile.Write(ref _current, new RegistrySnapshot(good.Profiles, good.Manifests, [problem, .. good.Problems]));
        }
    }

    /// <summary>Problems in a profile point into the item: the profile document is the item's <c>profile</c> attribute.</summary>
    internal static RegistrySnapshot PointIntoItems(RegistrySnapshot snapshot, string pipelinesTable)
    {
        var prefix = pipelinesTable + "[";
        var problems = snapshot.Problems.Select(p => p.File.StartsWith(prefix, StringComparison.Ordinal) && !p.Pointer.StartsWith("/" + CapeLayout.Profile, StringComparison.Ordinal)
            ? p with { Pointer = "/" + CapeLayout.Profile + p.Pointer }
            : p);
        return new RegistrySnapshot(snapshot.Profiles, snapshot.Manifests, problems);
    }

    /// <summary>AWS's error code, or the kind of failure: never a message that could carry an account id or a key.</summary>
    internal static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException { ErrorCode: { Length: > 0 } code } => code,
        AmazonServiceException service => $"HTTP {(int)service.StatusCode}",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Registry read from {Source}: {ProfileCount} profiles, {ManifestCount} manifests, {ProblemCount} problems")]
    private static partial void LogLoaded(ILogger logger, string source, int profileCount, int manifestCount, int problemCount);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Reading the registry from {Source} failed ({Reason}); the last good snapshot stays in use")]
    private static partial void LogFailed(ILogger logger, string source, string reason, Exception exception);
}
