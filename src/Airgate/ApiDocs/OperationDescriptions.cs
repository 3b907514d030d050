namespace Airgate.ApiDocs;

/// <summary>
/// The prose of every operation, by operation id: what a reader of <c>/docs</c> needs beyond the one-line summary
/// the route table gives. A test and the CI lint (redocly.yaml) fail when an operation has none.
/// </summary>
internal static class OperationDescriptions
{
    public static readonly IReadOnlyDictionary<string, string> ById = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GetSignIn"] =
            "Tells a front end how to sign in before it has a credential: the deployment's auth mode (Development, ApiKeys or Jwt) and the header " +
            "that carries the credential. Anonymous; answers the same to everyone.",
        ["ListWorkflows"] =
            "Airflow DAGs, a page at a time, each with the pipelines its manifest names and where its parameters come from (parameters_source: " +
            "pipelines, dag_params or none). Answered from a cache of Airflow's answers refreshed every Airgate:Catalog:RefreshInterval (30 s), " +
            "so a warm read asks Airflow nothing; filters are passed to Airflow as it reads them.",
        ["GetWorkflow"] =
            "One workflow as the listing shows it. For a DAG without a manifest that declares Airflow Params, parameters_schema is those Params " +
            "as one JSON Schema, so a form can be built for it too.",
        ["ListWorkflowTasks"] =
            "The workflow's tasks with the profiles each one runs, and every profile of the workflow with its schema fully resolved " +
            "(inheritance and references joined): a form can be built from this answer with no further request.",
        ["GetWorkflowTask"] = "One task of the workflow and the profiles it runs, resolved as in the task listing.",
        ["TriggerRun"] =
            "Validates every pipeline's parameters against its resolved profile (defaults filled first) and starts an Airflow run with the conf " +
            "Airgate builds, stamped with the caller's identity. Send exactly one form: 'pipelines' (keyed by profile id or name@version), the " +
            "compatible 'pipelineConfigs', or 'params' for a workflow without a manifest. Every error comes at once in one 400 " +
            "(errors[]: pipeline, pointer, keyword, message). dry_run=true answers the exact conf and starts nothing. With an Idempotency-Key, " +
            "a retry of the same request answers the run it already started (200, Idempotent-Replayed: true); a different request with the same " +
            "key is a 422.",
        ["ListRuns"] =
            "Runs of one workflow, or of all with dag_id '~', from Airgate's mirror of Airflow's runs, with an exact total_entries. Filters: " +
            "state, mine, user_name_pattern (who triggered it), order_by. A listing waits for the mirror's sync at most " +
            "Airgate:Runs:SyncTimeout and says how fresh it is (synced_at); a slow or down Airflow never makes it fail.",
        ["GetRun"] =
            "One run read from Airflow (its task instances at the same time), with who triggered it, the parameters of each pipeline, whether " +
            "a profile changed since (schema_changed) and a summary of task states. Hidden runs (RunVisibility Own) are 404s.",
        ["StopRun"] =
            "Sets the run's state in Airflow: failed stops it (the default, also for an empty body), success finishes it; an optional note is " +
            "stored on the run. Only the user who triggered it or an admin may; a run that already ended is a 409.",
        ["ListRunTaskInstances"] = "Every task instance of the run, mapped ones included (one per map_index), read from Airflow, with a summary of their states.",
        ["GetRunTaskInstances"] = "Every instance of one task of the run (all its map indexes), read from Airflow, with a summary of their states.",
        ["GetTaskLog"] =
            "One try of a task instance's log (the latest unless try_number says otherwise; map_index for mapped tasks). As JSON: Airflow's " +
            "chunks and a continuation_token to pass back for only what was written since (null once the log has ended). With " +
            "Accept: text/plain: the whole log streamed as text, one line per entry. With follow=true: Server-Sent Events, 'log' as lines " +
            "appear, then one 'end' with the task's final state. A missing log is a 404.",
        ["RerunRun"] =
            "Starts a new run with the old run's parameters corrected by a JSON merge patch per pipeline (RFC 7386: a member replaces, null " +
            "removes), validated like a trigger against the profiles as they are now. The answer lists every change (by: user for the patch, " +
            "default for a profile default that changed) and the new run carries rerun_of. dry_run and Idempotency-Key as for a trigger. A run " +
            "not started through Airgate is a 409 rerun-unavailable.",
        ["ClearRun"] =
            "Runs the failed (and upstream_failed) task instances of a finished run again, with the same parameters, through Airflow's clear; " +
            "only_failed=false runs every task instance again. Owner or admin. dry_run=true lists the task instances that would run again. " +
            "A run still running is a 409 run-not-finished.",
        ["StreamRunListEvents"] =
            "Server-Sent Events for a runs page: a 'run' event for each run entering or changing in the listing with these filters (mine, " +
            "user_name_pattern, state; dag_id '~' for every workflow). Read the listing once, then apply these events. Fed by the mirror's sync, " +
            "once per Airgate:Events:PollInterval however many streams are open. Limited per user (429) and per process (503).",
        ["StreamRunEvents"] =
            "Server-Sent Events of one run: 'snapshot' (the run as run detail answers it, every task instance and the summary), then 'run', " +
            "'task_instance' and 'summary' as they change, and 'end' when the run finishes (the stream then closes). If Airflow fails, one " +
            "'error' event and the stream keeps trying. One poll of Airflow per run and interval, however many clients watch. On reconnect any " +
            "Last-Event-ID gets a fresh snapshot.",
        ["ListPipelines"] =
            "Every profile in the registry with its schema fully resolved, a page at a time. The registry is reloaded when its files change; " +
            "files that failed to load are listed by the registry problems operation.",
        ["GetPipeline"] = "One profile by id (e.g. bactopia-kraken2-3.2.0) or name@version, with its schema fully resolved.",
        ["ListRegistryProblems"] =
            "Every problem found in the registry directory: the file, a JSON pointer into it, the message and its severity (error: the file " +
            "is left out; warning: it is loaded). A file that breaks while Airgate runs keeps its last good version in use.",
        ["HealthLive"] =
            "Liveness: answers 200 while the process does, and touches nothing else. Use it for the container's health check and Kubernetes' " +
            "livenessProbe, so an Airflow outage never gets a healthy gateway restarted.",
        ["HealthReady"] =
            "Readiness: the database and Airflow (with Airgate's credentials) are reachable, from a background probe, so it answers within a " +
            "second. Use it for Kubernetes' readinessProbe or a load balancer's target health check: 503 takes this replica out of rotation.",
        ["GetMetrics"] =
            "Prometheus text format: HTTP server and client instruments and Airgate's own meter (triggers, parameter errors, Airflow calls, " +
            "pending trigger records, mirror sync lag, open event streams). Anonymous, like the health probes.",
    };
}
