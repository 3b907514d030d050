namespace Airgate.Core.Runs;

/// <summary>What <see cref="IRunStore.CreatePendingAsync"/> did.</summary>
public enum CreateRunOutcome
{
    /// <summary>A new pending record was inserted.</summary>
    Created,

    /// <summary>The same user already used this idempotency key: the existing record is returned, nothing was inserted.</summary>
    IdempotencyKeyExists,

    /// <summary>Another record already has this (dag_id, dag_run_id) under another key or user: it is returned, nothing was inserted.</summary>
    DagRunIdTaken,
}
