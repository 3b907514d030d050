using Airgate.Core.Runs;

namespace Airgate.Storage.Sqlite;

/// <summary>A SQLite file is one process's: that process always leads.</summary>
internal sealed class SqliteLeaderLock : IMirrorLeaderLock
{
    public Task<bool> TryHoldAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
