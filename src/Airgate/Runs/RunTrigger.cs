using Airgate.Airflow;
using Airgate.Auth;
using Airgate.Core.Parameters;
using Airgate.Core.Runs;
using Airgate.Problems;
using Airgate.Runs.Mirror;
using Microsoft.Extensions.Options;

namespace Airgate.Runs;

/// <summary>
/// Starts a validated run with no lost or doubled runs: the pending record (with its fixed run id) is written before
/// Airflow is called, the trigger is sent once, and a repeated <c>Idempotency-Key</c> settles that same record.
/// </summary>
internal sealed class RunTrigger(IRunStore store, RunSettler settler, TimeProvider time, IOptions<ConfOptions> confOptions)
{
    private const int IdAttempts = 3;

    // rerunOf: for a rerun, the run whose parameters it corrected (stored as the new run's rerun_of).
    public async Task<TriggerOutcome> TriggerAsync(
        string dagId, PreparedTrigger prepared, AirgateUser user, string? idempotencyKey, CancellationToken cancellationToken, string? rerunOf = null)
    {
        if (idempotencyKey is not null && await store.FindByIdempotencyKeyAsync(user.Id, idempotencyKey, cancellationToken) is { } previous)
        {
            return await ReplayAsync(previous, prepared, cancellationToken);
        }

        var started = StartedWith.From(prepared, confOptions.Value);
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            var created = await store.CreatePendingAsync(new NewRunRecord
            {
                DagId = dagId,
                DagRunId = RunIds.New(time.GetUtcNow()),
                TriggeredBy = new RunOwner(user.Id, user.Name),
                Pipelines = started.ToJson(),
                Conf = prepared.Conf?.ToJsonString(),
                Note = prepared.Request?.Note,
                IdempotencyKey = idempotencyKey,
                RequestFingerprint = prepared.Fingerprint,
                RerunOf = rerunOf,
                SchemaHashes = Pinning.SchemaPins.Serialize(prepared.Pipelines),
            }, cancellationToken);

            switch (created.Outcome)
            {
                case CreateRunOutcome.Created:
                    return await SettleOrReportAsync(created.Record, () => settler.TriggerAsync(created.Record, cancellationToken), replayed: false);
                case CreateRunOutcome.IdempotencyKeyExists:
                    // A concurrent request with the same key won the insert; answer as its replay.
                    return await ReplayAsync(created.Record, prepared, cancellationToken);
                default:
                    continue; // A random id collided: draw another.
            }
        }

        return TriggerOutcome.Fail(Problem.Create(
            StatusCodes.Status409Conflict, ProblemTypes.Conflict, "No free run id", "Airgate could not choose a free run id. Try again."));
    }

    private async Task<TriggerOutcome> ReplayAsync(RunRecord previous, PreparedTrigger prepared, CancellationToken cancellationToken)
    {
        // The fingerprint covers the workflow too, so the same key sent to another workflow is a different request.
        if (!string.Equals(previous.RequestFingerprint, prepared.Fingerprint, StringComparison.Ordinal))
        {
            return TriggerOutcome.Fail(Problem.Create(
                StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request. Use a new key for a new run.",
                new Dictionary<string, object?> { ["dag_id"] = previous.DagId, ["dag_run_id"] = previous.DagRunId }));
        }

        return previous.RecordState switch
        {
            RunRecordState.Confirmed => new TriggerOutcome(await settler.DescribeConfirmedAsync(previous, cancellationToken), Replayed: true, null),
            RunRecordState.Failed => TriggerOutcome.Fail(FailureReasons.ToProblem(previous.FailureReason, previous.DagId)),
            _ => await SettleOrReportAsync(previous, () => settler.ResolvePendingAsync(previous, triggerIfMissing: true, cancellationToken), replayed: true),
        };
    }

    // Once the pending record exists, Airflow may be told about the run; if the database then fails (recording the
    // answer), the run may well exist: say so, with its id, exactly as for a lost Airflow answer.
    private static async Task<TriggerOutcome> SettleOrReportAsync(RunRecord record, Func<Task<SettleResult>> settle, bool replayed)
    {
        try
        {
            return Answer(await settle(), replayed, record.IdempotencyKey);
        }
        catch (Exception exception) when (DatabaseProblems.IsDatabaseFailure(exception))
        {
            return TriggerOutcome.Fail(DatabaseProblems.For(
                exception,
                new Dictionary<string, object?> { ["dag_id"] = record.DagId, ["dag_run_id"] = record.DagRunId, ["run_may_exist"] = true },
                record.IdempotencyKey is null
                    ? $"Airgate's database failed while starting run '{record.DagRunId}', which may or may not have started. Airgate will settle it; look it up by that id later."
                    : $"Airgate's database failed while starting run '{record.DagRunId}', which may or may not have started. Retry with the same Idempotency-Key: Airgate will return that run, never start a second one."));
        }
    }

    private static TriggerOutcome Answer(SettleResult result, bool replayed, string? idempotencyKey)
    {
        if (result.IsConfirmed)
        {
            var run = result.Run is { } airflowRun ? RunResponse.From(airflowRun, result.Record) : RunResponse.From(result.Record);
            return new TriggerOutcome(run, replayed, null);
        }

        var failure = result.Failure ?? new AirflowFailure(AirflowError.InvalidResponse, null, "Airflow gave no answer.");
        if (result.Record.RecordState == RunRecordState.Failed)
        {
            return TriggerOutcome.Fail(FailureReasons.ToProblem(result.Record.FailureReason, result.Record.DagId));
        }

        // The run may or may not exist: say so, and how to find out without starting a second one.
        var problem = failure.ToProblem($"Workflow '{result.Record.DagId}' was not found in Airflow.");
        problem.ProblemDetails.Detail = idempotencyKey is null
            ? $"Airflow's answer was lost, so run '{result.Record.DagRunId}' may or may not have started. Airgate will settle it; "
              + "look it up by that id later. Send an Idempotency-Key with triggers so they can be retried safely."
            : $"Airflow's answer was lost, so run '{result.Record.DagRunId}' may or may not have started. "
              + "Retry with the same Idempotency-Key: Airgate will return that run, never start a second one.";
        problem.ProblemDetails.Extensions["dag_id"] = result.Record.DagId;
        problem.ProblemDetails.Extensions["dag_run_id"] = result.Record.DagRunId;
        problem.ProblemDetails.Extensions["run_may_exist"] = true;
        return TriggerOutcome.Fail(problem);
    }
}
