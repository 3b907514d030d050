namespace Airgate.Core.Runs;

/// <summary>
/// Decides which replica keeps the run mirror (sync, backfill, reconciler): at most one at a time across every
/// process sharing the database, and another one takes over when the holder dies.
/// </summary>
public interface IMirrorLeaderLock : IAsyncDisposable
{
    /// <summary>
    /// Takes the lock, or checks that this process still holds it; false when another process holds it or the
    /// database cannot be reached (a leader that loses its connection loses the lock with it).
    /// </summary>
    Task<bool> TryHoldAsync(CancellationToken cancellationToken = default);
}
