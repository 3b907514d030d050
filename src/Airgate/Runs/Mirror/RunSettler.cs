using System.Text.Json.Nodes;
using Airgate.Airflow;
using Airgate.Airflow.Models;
using Airgate.Core.Runs;
using Airgate.Telemetry;
using Microsoft.Extensions.Options;

namespace Airgate.Runs.Mirror;

/// <summary>
/// Sends a recorded trigger to Airflow and settles records whose answer was lost. The rule that keeps runs from being
/// lost or doubled: a record's trigger is only ever sent with the record's fixed run id, and only again after Airflow
/// said that run id does not exist; so at most one run can exist per record, and a 409 means it is ours.
/// </summary>
internal sealed partial class RunSettler(
    IAirflowClient airflow,
    IRunStore store,
    TimeProvider time,
    IOptions<RunsOptions> options,
    ILogger<RunSettler> logger,
    AirgateMetrics metrics)
{
    private const int ReconcileBatch = 100;

    /// <summary>Sends the record's trigger once and settles the record by Airflow's answer.</summary>
    public async Task<SettleResult> TriggerAsync(RunRecord record, CancellationToken cancellationToken)
    {
        var started = StartedWith.Parse(record.Pipelines);
        var conf = record.Conf is { } text && JsonNode.Parse(text) is JsonObject parsed ? parsed : [];
        var request = new TriggerDagRunRequest { DagRunId = record.DagRunId, Conf = conf, LogicalDate = started.LogicalDate, Note = record.Note };
        var result = await airflow.TriggerDagRunAsync(record.DagId, request, cancellationToken);
        if (result.IsSuccess)
        {
            LogTriggered(logger, record.DagId, record.DagRunId, record.TriggeredBy?.Id);
            return await ConfirmAsync(record, result.Value, cancellationToken);
        }

        var failure = result.Failure;
        switch (failure.Error)
        {
            case AirflowError.Conflict:
                // Our run id is taken: a concurrent retry of this very record got there first, or (with a logical date)
                // another run holds that date. Only a GET of our id tells which.
                var existing = await airflow.GetDagRunAsync(record.DagId, record.DagRunId, cancellationToken);
                if (existing.IsSuccess)
                {
                    return await ConfirmAsync(record, existing.Value, cancellationToken);
                }

                return existing.Failure.Error == AirflowError.NotFound
                    ? await FailAsync(record, failure, cancellationToken)
                    : new SettleResult(record, null, existing.Failure);
            case AirflowError.Rejected or AirflowError.NotFound or AirflowError.Unauthorized or AirflowError.Forbidden or AirflowError.TransportRefused:
                // Airflow (or MWAA in front of it) refused before creating anything.
                return await FailAsync(record, failure, cancellationToken);
            default:
                // Unreachable, timeout, 5xx, an unreadable answer: the run may or may not exist. Leave the record pending.
                LogAnswerLost(logger, record.DagId, record.DagRunId, failure.Error);
                return new SettleResult(record, null, failure);
        }
    }

    /// <summary>
    /// Settles a pending record by asking Airflow for its run id: there → confirmed; not there → triggered now when
    /// <paramref name="triggerIfMissing"/> (a client retry), else left pending for the reconciler's grace period.
    /// </summary>
    public async Task<SettleResult> ResolvePendingAsync(RunRecord record, bool triggerIfMissing, CancellationToken cancellationToken)
    {
        var run = await airflow.GetDagRunAsync(record.DagId, record.DagRunId, cancellationToken);
        if (run.IsSuccess)
        {
            return await ConfirmAsync(record, run.Value, cancellationToken);
        }

        if (run.Failure.Error == AirflowError.NotFound && triggerIfMissing)
        {
            return await TriggerAsync(record, cancellationToken);
        }

        return new SettleResult(record, null, run.Failure);
    }

    /// <summary>
    /// A confirmed record as the first answer described it (Airflow's fields, conf included), read fresh; from the
    /// store alone if Airflow cannot answer right now, since replaying must not fail for want of detail.
    /// </summary>
    public async Task<RunResponse> DescribeConfirmedAsync(RunRecord record, CancellationToken cancellationToken)
    {
        var observedAt = time.GetUtcNow();
        var run = await airflow.GetDagRunAsync(record.DagId, record.DagRunId, cancellationToken);
        if (!run.IsSuccess)
        {
            return RunResponse.From(record);
        }

        await store.UpsertObservedAsync([ObservedRuns.From(run.Value, observedAt)], cancellationToken);
        return RunResponse.From(run.Value, record);
    }

    /// <summary>One reconciler pass: settles pending records older than <see cref="RunsOptions.PendingMinAge"/>.</summary>
    public async Task<int> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var pending = await store.ListPendingAsync(now - settings.PendingMinAge, ReconcileBatch, cancellationToken);
        var settled = 0;
        foreach (var record in pending)
        {
            var result = await ResolvePendingAsync(record, triggerIfMissing: false, cancellationToken);
            if (result.IsConfirmed)
            {
                settled++;
            }
            else if (result.Failure?.Error == AirflowError.NotFound && record.CreatedAt <= now - settings.PendingGracePeriod)
            {
                await store.MarkFailedAsync(record.Id, FailureReasons.ForAbandoned(settings.PendingGracePeriod), cancellationToken);
                LogAbandoned(logger, record.DagId, record.DagRunId);
                settled++;
            }
        }

        metrics.PendingAfterReconcile(pending.Count - settled);
        return settled;
    }

    private async Task<SettleResult> ConfirmAsync(RunRecord record, AirflowDagRun run, CancellationToken cancellationToken)
    {
        var confirmed = await store.MarkConfirmedAsync(record.Id, ObservedRuns.From(run), cancellationToken) ?? record;
        return new SettleResult(confirmed, run, null);
    }

    private async Task<SettleResult> FailAsync(RunRecord record, AirflowFailure failure, CancellationToken cancellationToken)
    {
        var failed = await store.MarkFailedAsync(record.Id, FailureReasons.For(failure), cancellationToken) ?? record;
        LogTriggerRefused(logger, record.DagId, record.DagRunId, failure.Error);
        return new SettleResult(failed, null, failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triggered {DagId}/{DagRunId} for user {UserId}")]
    private static partial void LogTriggered(ILogger logger, string dagId, string dagRunId, string? userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trigger of {DagId}/{DagRunId}: Airflow's answer was lost ({Error}); the record stays pending")]
    private static partial void LogAnswerLost(ILogger logger, string dagId, string dagRunId, AirflowError error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger of {DagId}/{DagRunId} refused by Airflow ({Error})")]
    private static partial void LogTriggerRefused(ILogger logger, string dagId, string dagRunId, AirflowError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending run {DagId}/{DagRunId} never appeared in Airflow; marked failed")]
    private static partial void LogAbandoned(ILogger logger, string dagId, string dagRunId);
}
