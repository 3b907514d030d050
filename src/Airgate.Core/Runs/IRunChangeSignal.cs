namespace Airgate.Core.Runs;

/// <summary>
/// Says "runs changed, look again" to every replica sharing the database, whichever of them wrote. It carries no data:
/// listing streams then read the store by update time (<see cref="IRunStore.ListChangedSinceAsync"/>), so a missed
/// signal (a dropped connection) delays an event until the next read, never loses it.
/// </summary>
public interface IRunChangeSignal : IAsyncDisposable
{
    /// <summary>
    /// Completes at the next change announced after this call (or after the signal's own connection came back, when
    /// changes may have been missed). Never completes where there is nothing to listen to (one process, SQLite).
    /// </summary>
    Task NextChangeAsync();
}
