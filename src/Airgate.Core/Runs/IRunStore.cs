namespace Airgate.Core.Runs;

/// <summary>
/// Airgate's run records: its own trigger records plus a mirror of Airflow's runs, so listings can be answered
/// exactly (owner filter, totals, paging) from the database. Implementations are safe for concurrent use.
/// </summary>
public interface IRunStore
{
    /// <summary>
    /// Records a run about to be triggered. If the same user already used the same idempotency key, or the
    /// (dag_id, dag_run_id) is taken, nothing is inserted and the existing record is returned; atomic under concurrency.
    /// </summary>
    Task<CreateRunResult> CreatePendingAsync(NewRunRecord run, CancellationToken cancellationToken = default);

    Task<RunRecord?> FindByIdempotencyKeyAsync(string userId, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetAsync(string dagId, string dagRunId, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetByIdAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks a record confirmed with the run Airflow answered; null if there is no such record.</summary>
    Task<RunRecord?> MarkConfirmedAsync(long id, ObservedRun airflowRun, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending record failed (Airflow refused it); null if there is no such record.</summary>
    Task<RunRecord?> MarkFailedAsync(long id, string reason, CancellationToken cancellationToken = default);

    /// <summary>Pending records created at or before <paramref name="olderThan"/>, oldest first, for the reconciler.</summary>
    Task<IReadOnlyList<RunRecord>> ListPendingAsync(DateTimeOffset olderThan, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirmed runs written after the position (<paramref name="since"/>, <paramref name="afterId"/>), in order of
    /// (<see cref="RunRecord.UpdatedAt"/>, id): what listing streams send, whichever replica wrote it.
    /// </summary>
    Task<IReadOnlyList<RunRecord>> ListChangedSinceAsync(DateTimeOffset since, long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Mirrors runs read from Airflow in one transaction: unknown runs are inserted as <see cref="RunSource.External"/>
    /// (owner from <see cref="ObservedRun.TriggeringUserName"/>); known runs get their Airflow fields updated (and a
    /// pending or failed Airgate record is confirmed, since Airflow has it), never their owner, pipelines or conf.
    /// </summary>
    Task UpsertObservedAsync(IReadOnlyList<ObservedRun> runs, CancellationToken cancellationToken = default);

    Task<DateTimeOffset?> GetSyncWatermarkAsync(string key, CancellationToken cancellationToken = default);

    Task SetSyncWatermarkAsync(string key, DateTimeOffset value, CancellationToken cancellationToken = default);

    /// <summary>A small piece of the mirror's progress (e.g. the backfill's, as JSON); null when never set.</summary>
    Task<string?> GetMirrorStateAsync(string key, CancellationToken cancellationToken = default);

    Task SetMirrorStateAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Deletes up to <paramref name="limit"/> mirrored runs Airgate did not trigger that ended before <paramref name="endedBefore"/>; returns how many.</summary>
    Task<int> DeleteExternalEndedBeforeAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Folds the running totals' change rows together, so totals stay a sum over a few rows; the leader calls it now and then.</summary>
    Task CompactTotalsAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of confirmed runs matching the query and the exact total; throws on a limit outside 1..<see cref="RunQuery.MaxLimit"/>.</summary>
    Task<RunPage> ListAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Throws when the database cannot be reached (readiness check).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
