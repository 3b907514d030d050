using Airgate.Core.Runs;

namespace Airgate.Storage.Sqlite;

/// <summary>
/// A SQLite file is one process's (it always leads the mirror), so no other replica writes runs: listing streams read
/// the store each interval and need no wake-up.
/// </summary>
internal sealed class SqliteRunChangeSignal : IRunChangeSignal
{
    private static readonly Task Never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;

    public Task NextChangeAsync() => Never;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
