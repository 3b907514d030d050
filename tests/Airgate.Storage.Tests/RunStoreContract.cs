using System.Data.Common;
using Airgate.Core.Runs;
using Airgate.Storage.Migrations;
using Airgate.Storage.Sql;
using Airgate.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Airgate.Storage.Tests;

/// <summary>
/// The behaviour every run store must have, run once per database by a derived class. Each test gets its own
/// freshly migrated database; tests that need an empty one ask for another.
/// </summary>
public abstract partial class RunStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly List<SqlDialect> _dialects = [];
    private SqlDialect? _dialect;
    private IRunStore? _store;

    protected FakeTimeProvider Clock { get; } = new(T0);

    internal SqlDialect Dialect => _dialect ?? throw new InvalidOperationException("The test database is not ready.");

    protected IRunStore Store => _store ?? throw new InvalidOperationException("The test database is not ready.");

    public async Task InitializeAsync()
    {
        _dialect = await NewEmptyDatabaseAsync();
        await NewMigrator(_dialect).MigrateAsync();
        _store = new SqlRunStore(_dialect, Clock, NullLogger<SqlRunStore>.Instance);
    }

    public async Task DisposeAsync()
    {
        foreach (var dialect in _dialects)
        {
            await dialect.DisposeAsync();
        }

        await DropDatabasesAsync();
    }

    /// <summary>Creates an empty database of this class's kind, dropped when the test ends.</summary>
    internal abstract Task<SqlDialect> CreateEmptyDatabaseAsync();

    protected abstract Task DropDatabasesAsync();

    internal async Task<SqlDialect> NewEmptyDatabaseAsync()
    {
        var dialect = await CreateEmptyDatabaseAsync();
        _dialects.Add(dialect);
        return dialect;
    }

    internal DatabaseMigrator NewMigrator(SqlDialect dialect) => new(dialect, Clock, NullLogger<DatabaseMigrator>.Instance);

    internal static async Task<object?> ScalarAsync(SqlDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    internal static async Task<long> CountRowsAsync(SqlDialect dialect, string table) =>
        Convert.ToInt64(await ScalarAsync(dialect, $"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    protected static NewRunRecord NewRun(string dagRunId, string userId = "alice", string? userName = "Alice", string? key = null, string dagId = "bactopia") => new()
    {
        DagId = dagId,
        DagRunId = dagRunId,
        TriggeredBy = new RunOwner(userId, userName),
        Pipelines = """{"bactopia-kraken2-v3.2.0": {"samples": "s3://bucket/samples.csv", "threads": 4}}""",
        Conf = """{"pipelineConfigs": [{"pipelineId": "bactopia-kraken2-v3.2.0", "parameters": {"threads": 4}}]}""",
        Note = "first try",
        IdempotencyKey = key,
        RequestFingerprint = key is null ? null : "sha256:" + key,
    };

    protected static ObservedRun Observed(string dagRunId, string dagId = "bactopia", string? state = "running", DateTimeOffset? runAfter = null, string? user = null, DateTimeOffset? updatedAt = null) => new()
    {
        DagId = dagId,
        DagRunId = dagRunId,
        State = state,
        RunType = "manual",
        LogicalDate = runAfter ?? T0,
        RunAfter = runAfter ?? T0,
        QueuedAt = (runAfter ?? T0).AddSeconds(1),
        StartDate = state is "queued" ? null : (runAfter ?? T0).AddSeconds(2),
        EndDate = state is "success" or "failed" ? (runAfter ?? T0).AddMinutes(5) : null,
        Note = null,
        TriggeringUserName = user,
        UpdatedAt = updatedAt ?? (runAfter ?? T0).AddSeconds(3),
    };

    /// <summary>An Airgate run, triggered and confirmed (so it is listed).</summary>
    protected async Task<RunRecord> SeedConfirmedAsync(NewRunRecord run, string state = "running", DateTimeOffset? runAfter = null)
    {
        var created = await Store.CreatePendingAsync(run);
        var observed = Observed(run.DagRunId, run.DagId, state, runAfter);
        return await Store.MarkConfirmedAsync(created.Record.Id, observed) ?? throw new InvalidOperationException("The record vanished.");
    }

    protected async Task<List<RunRecord>> ListAllAsync(RunQuery query)
    {
        var page = await Store.ListAsync(query with { Limit = RunQuery.MaxLimit, Offset = 0 });
        page.TotalEntries.ShouldBeLessThanOrEqualTo(RunQuery.MaxLimit, "the helper reads one page only");
        return [.. page.Items];
    }

    internal static async Task ExecuteAsync(SqlDialect dialect, string sql)
    {
        await using DbConnection connection = await dialect.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
