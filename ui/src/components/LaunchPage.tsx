import { useEffect, useState } from "react";
import { airgate, describeProblem, type TasksAnswer, type Workflow } from "../api/client";
import { navigate } from "../router";
import { LaunchForm } from "./LaunchForm";
import { Link } from "./Link";

/** A workflow's form: everything comes from GET /workflows/{dag_id}/tasks, one request. */
export function LaunchPage({ dagId }: { dagId: string }) {
  const [tasks, setTasks] = useState<TasksAnswer | null>(null);
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setTasks(null);
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
    return () => {
      cancelled = true;
    };
  }, [dagId]);

  return (
    <section aria-labelledby="launch-title">
      <p><Link to={{ page: "workflows" }}>← Workflows</Link></p>
      <h2 id="launch-title">{workflow?.dag_display_name ?? dagId}</h2>
      {workflow?.description ? <p>{workflow.description}</p> : null}
      {workflow?.is_paused ? <p className="warning">This workflow is paused in Airflow: a run will wait until it is unpaused.</p> : null}
      {problem !== null ? <p className="problem" role="alert">{problem}</p> : null}
      {tasks === null && problem === null ? <p>Loading the form…</p> : null}
      {tasks !== null ? <LaunchForm dagId={dagId} tasks={tasks} onStarted={(run) => navigate({ page: "run", dagId, runId: run.dag_run_id, rerun: false })} /> : null}
    </section>
  );
}
