import { useEffect, useState } from "react";
import { airgate, describeProblem, type Preset, type Run, type TasksAnswer, type Workflow } from "../api/client";
import { navigate } from "../router";
import { formatTime } from "../util";
import { LaunchForm, type StartingValues } from "./LaunchForm";
import { Link } from "./Link";
import { PresetsBar } from "./PresetsBar";
import { StateBadge } from "./StateBadge";

/** Where the form starts from: nothing (defaults), an earlier run ("launch again"), or a preset. */
interface Start {
  label: string | null;
  values: StartingValues | undefined;
  changedSchemas: string[];
}

/** A workflow's page: its form (from GET /workflows/{dag_id}/tasks), the user's presets and the workflow's recent runs. */
export function LaunchPage({ dagId, from }: { dagId: string; from: string | null }) {
  const [tasks, setTasks] = useState<TasksAnswer | null>(null);
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [start, setStart] = useState<Start | null>(from === null ? { label: null, values: undefined, changedSchemas: [] } : null);
  const [current, setCurrent] = useState<StartingValues>({});

  useEffect(() => {
    let cancelled = false;
    airgate
      .GET("/api/v1/workflows/{dag_id}/tasks", { params: { path: { dag_id: dagId } } })
      .then(({ data, error, response }) => {
        if (cancelled) return;
        if (data === undefined) setProblem(describeProblem(error, response.status));
        else setTasks(data);
      })
      .catch((e: unknown) => !cancelled && setProblem(String(e)));
    // The title and description only; the form does not wait for it.
    airgate.GET("/api/v1/workflows/{dag_id}", { params: { path: { dag_id: dagId } } }).then(({ data }) => !cancelled && data && setWorkflow(data)).catch(() => undefined);
    // "Launch again": the earlier run's parameters, validated against today's profiles when checked or started.
    if (from !== null) {
      airgate
        .GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", { params: { path: { dag_id: dagId, dag_run_id: from } } })
        .then(({ data, error, response }) => {
          if (cancelled) return;
          if (data === undefined) {
            setProblem(`The run to launch again could not be read: ${describeProblem(error, response.status)}`);
            setStart({ label: null, values: undefined, changedSchemas: [] });
            return;
          }
          setStart({
            label: `run ${from}`,
            values: {
              pipelines: Object.fromEntries((data.pipelines ?? []).map((p) => [p.id, p.parameters ?? {}])),
              params: (data.params ?? null) as Record<string, unknown> | null,
            },
            changedSchemas: (data.pipelines ?? []).filter((p) => p.schema_changed === true).map((p) => p.id),
          });
        })
        .catch((e: unknown) => !cancelled && setProblem(String(e)));
    }
    return () => {
      cancelled = true;
    };
  }, [dagId, from]);

  const loadPreset = (preset: Preset) => {
    setStart({ label: `preset “${preset.name}”`, values: { pipelines: preset.pipelines ?? null, params: preset.params ?? null }, changedSchemas: [] });
  };

  return (
    <section aria-labelledby="launch-title">
      <p><Link to={{ page: "workflows" }}>← Workflows</Link></p>
      <h2 id="launch-title">{workflow?.dag_display_name ?? dagId}</h2>
      {workflow?.description ? <p>{workflow.description}</p> : null}
      {workflow?.is_paused ? <p className="warning">This workflow is paused in Airflow: a run will wait until it is unpaused.</p> : null}
      {problem !== null ? <p className="problem" role="alert">{problem}</p> : null}
      {start?.label ? <p className="ok" role="status" data-started-from={start.label}>The form starts from {start.label}.</p> : null}
      <PresetsBar dagId={dagId} current={current} onLoad={loadPreset} />
      {(tasks === null || start === null) && problem === null ? <p>Loading the form…</p> : null}
      {tasks !== null && start !== null ? (
        <LaunchForm
          dagId={dagId}
          tasks={tasks}
          startFrom={start.values}
          changedSchemas={start.changedSchemas}
          onValues={setCurrent}
          onStarted={(run) => navigate({ page: "run", dagId, runId: run.dag_run_id, rerun: false })}
        />
      ) : null}
      <WorkflowRuns dagId={dagId} />
    </section>
  );
}

/** The workflow's recent runs (everyone's the caller may see): state, who started them and when. */
function WorkflowRuns({ dagId }: { dagId: string }) {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    let cancelled = false;
    airgate
      .GET("/api/v1/workflows/{dag_id}/runs", { params: { path: { dag_id: dagId }, query: { limit: 10, order_by: "-run_after" } } })
      .then(({ data }) => {
        if (cancelled || data === undefined) return;
        setRuns(data.runs);
        setTotal(data.total_entries);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [dagId]);
  return (
    <section className="workflow-runs" aria-labelledby="workflow-runs-title">
      <h3 id="workflow-runs-title">Recent runs of this workflow</h3>
      {runs === null ? <p>Loading…</p> : runs.length === 0 ? <p>No runs yet.</p> : (
        <div className="table-wrap" role="region" aria-label="Recent runs table" tabIndex={0}>
          <table className="runs workflow-runs">
            <caption>{runs.length} most recent of {total}</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">State</th>
                <th scope="col">Started by</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.dag_run_id}>
                  <td><Link to={{ page: "run", dagId, runId: r.dag_run_id, rerun: false }}>{r.dag_run_id}</Link></td>
                  <td><StateBadge state={r.state} /></td>
                  <td>{r.triggered_by?.name ?? r.triggered_by?.id ?? "outside Airgate"}</td>
                  <td>{formatTime(r.start_date ?? r.queued_at ?? r.run_after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
