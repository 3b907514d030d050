import { useEffect, useMemo, useState } from "react";
import { capabilities, type Capability } from "../api/capabilities";
import { airgate, describeProblem, type Run, type RunSummary, type TaskInstance, type TasksAnswer } from "../api/client";
import { followRun } from "../api/events";
import { clearRun, type Change } from "../api/rerun";
import { navigate } from "../router";
import { formatTime } from "../util";
import { ChangesTable, LaunchForm, type RerunOf } from "./LaunchForm";
import { Link } from "./Link";
import { LogPanel } from "./LogPanel";
import { StateBadge } from "./StateBadge";

const FINISHED = new Set(["success", "failed"]);
const POLL_MS = 5000;

type RunWithRerun = Run & { rerun_of?: string | null };

// What the last rerun started from this page changed, shown on the new run's page.
let startedRerun: { runId: string; changes: Change[] } | null = null;

/** Tasks in stage order: upstream before downstream (Kahn's algorithm), ties in Airflow's order. */
function stageOrder(tasks: TasksAnswer | null): Map<string, number> {
  const order = new Map<string, number>();
  if (tasks === null) return order;
  const indegree = new Map(tasks.tasks.map((t) => [t.task_id, 0]));
  for (const t of tasks.tasks) for (const d of t.downstream_task_ids ?? []) indegree.set(d, (indegree.get(d) ?? 0) + 1);
  const ready = tasks.tasks.filter((t) => indegree.get(t.task_id) === 0).map((t) => t.task_id);
  const byId = new Map(tasks.tasks.map((t) => [t.task_id, t]));
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.set(id, order.size);
    for (const d of byId.get(id)?.downstream_task_ids ?? []) {
      indegree.set(d, (indegree.get(d) ?? 1) - 1);
      if (indegree.get(d) === 0) ready.push(d);
    }
  }
  for (const t of tasks.tasks) if (!order.has(t.task_id)) order.set(t.task_id, order.size);
  return order;
}

export function RunPage({ dagId, runId, rerun }: { dagId: string; runId: string; rerun: boolean }) {
  const [run, setRun] = useState<RunWithRerun | null>(null);
  const [instances, setInstances] = useState<TaskInstance[]>([]);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [tasks, setTasks] = useState<TasksAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [live, setLive] = useState<"connecting" | "live" | "polling" | "ended">("connecting");
  const [liveError, setLiveError] = useState<string | null>(null);
  const [found, setFound] = useState<Set<Capability>>(new Set());
  const [log, setLog] = useState<{ taskId: string; mapIndex: number } | null>(null);
  const startedChanges = startedRerun?.runId === runId ? startedRerun.changes : null;

  useEffect(() => {
    let cancelled = false;
    setRun(null);
    setLog(null);
    airgate.GET("/api/v1/workflows/{dag_id}/tasks", { params: { path: { dag_id: dagId } } }).then(({ data }) => !cancelled && data && setTasks(data)).catch(() => undefined);
    void capabilities().then((c) => !cancelled && setFound(c));
    return () => {
      cancelled = true;
    };
  }, [dagId, runId]);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      const [detail, list] = await Promise.all([
        airgate.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", { params: { path: { dag_id: dagId, dag_run_id: runId } } }),
        airgate.GET("/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks", { params: { path: { dag_id: dagId, dag_run_id: runId } } }),
      ]);
      if (controller.signal.aborted) return;
      if (detail.data === undefined) {
        setProblem(describeProblem(detail.error, detail.response.status));
        return;
      }
      setProblem(null);
      setRun(detail.data);
      if (list.data !== undefined) {
        setInstances(list.data.task_instances);
        setSummary(list.data.summary);
      }
      if (FINISHED.has(detail.data.state ?? "")) window.clearInterval(timer);
    };
    const startPolling = () => {
      setLive("polling");
      timer = window.setInterval(() => void poll(), POLL_MS);
    };
    void poll().then(async () => {
      const c = await capabilities();
      if (controller.signal.aborted) return;
      if (!c.has("runEvents")) {
        startPolling();
        return;
      }
      const outcome = await followRun(
        dagId,
        runId,
        (event) => {
          switch (event.type) {
            case "snapshot":
              setLive("live");
              setLiveError(null);
              setRun(event.run);
              setInstances(event.task_instances);
              setSummary(event.summary);
              break;
            case "run":
              setRun(event.run);
              break;
            case "task_instance":
              setInstances((list) => {
                const ti = event.task_instance;
                const index = list.findIndex((x) => x.task_id === ti.task_id && (x.map_index ?? -1) === (ti.map_index ?? -1));
                return index >= 0 ? list.map((x, i) => (i === index ? ti : x)) : [...list, ti];
              });
              break;
            case "summary":
              setSummary(event.summary);
              break;
            case "end":
              setLive("ended");
              break;
            case "error":
              setLiveError(`${event.title}${event.detail ? `: ${event.detail}` : ""} (still trying)`);
              break;
          }
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      if (outcome.kind === "unavailable" || outcome.kind === "failed") startPolling();
      else void poll();
    });
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [dagId, runId]);

  const order = useMemo(() => stageOrder(tasks), [tasks]);
  const sorted = useMemo(
    () => [...instances].sort((a, b) => (order.get(a.task_id) ?? 1e9) - (order.get(b.task_id) ?? 1e9) || a.task_id.localeCompare(b.task_id) || (a.map_index ?? -1) - (b.map_index ?? -1)),
    [instances, order],
  );

  const rerunOf = useMemo<RerunOf | undefined>(() => {
    if (run === null) return undefined;
    return {
      runId,
      pipelines: Object.fromEntries((run.pipelines ?? []).map((p) => [p.id, (p.parameters ?? {}) as Record<string, unknown>])),
      params: (run.params ?? null) as Record<string, unknown> | null,
    };
  }, [run, runId]);

  if (problem !== null && run === null) {
    return (
      <section>
        <p><Link to={{ page: "runs", scope: "mine" }}>← My runs</Link></p>
        <p className="problem" role="alert">{problem}</p>
      </section>
    );
  }
  if (run === null) return <p>Loading the run…</p>;

  const finished = FINISHED.has(run.state ?? "");
  const names = Object.fromEntries((tasks?.pipelines ?? []).map((p) => [p.id, p.name ?? p.id]));

  if (rerun) {
    return (
      <section aria-labelledby="rerun-title">
        <p><Link to={{ page: "run", dagId, runId, rerun: false }}>← Back to the run</Link></p>
        <h2 id="rerun-title">Rerun {runId} with corrections</h2>
        <p className="hint">The form holds the parameters this run was started with. Change what needs changing; “Show changes” lists every difference before anything starts.</p>
        {!found.has("rerun") ? <p className="warning">This Airgate has no rerun endpoint yet: trying will say so.</p> : null}
        {tasks === null || rerunOf === undefined ? <p>Loading the form…</p> : (
          <LaunchForm
            dagId={dagId}
            tasks={tasks}
            rerunOf={rerunOf}
            onStarted={(newRun, changes) => {
              startedRerun = { runId: newRun.dag_run_id, changes: changes ?? [] };
              navigate({ page: "run", dagId, runId: newRun.dag_run_id, rerun: false });
            }}
          />
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="run-title">
      <p><Link to={{ page: "runs", scope: "mine" }}>← My runs</Link></p>
      <h2 id="run-title">Run {run.dag_run_id}</h2>
      <dl className="facts">
        <dt>Workflow</dt><dd><Link to={{ page: "launch", dagId }}>{dagId}</Link></dd>
        <dt>State</dt><dd><StateBadge state={run.state} /></dd>
        <dt>Triggered by</dt><dd>{run.triggered_by?.name ?? run.triggered_by?.id ?? "outside Airgate"}</dd>
        <dt>Queued</dt><dd>{formatTime(run.queued_at)}</dd>
        <dt>Started</dt><dd>{formatTime(run.start_date)}</dd>
        <dt>Ended</dt><dd>{formatTime(run.end_date)}</dd>
        {run.rerun_of ? (<><dt>Rerun of</dt><dd><Link to={{ page: "run", dagId, runId: run.rerun_of, rerun: false }}>{run.rerun_of}</Link></dd></>) : null}
        {run.note ? (<><dt>Note</dt><dd>{run.note}</dd></>) : null}
      </dl>
      {startedChanges !== null ? <ChangesTable changes={startedChanges} names={names} /> : null}
      <p className="hint" aria-live="polite" data-live={live}>
        {live === "live" ? "Live: task states update as they change." : live === "polling" ? "Live updates unavailable, refreshing every 5 s." : live === "ended" ? "The run has finished." : ""}
      </p>
      {liveError ? <p className="warning" role="status">{liveError}</p> : null}
      {summary ? (
        <div className="progress">
          <label htmlFor="run-progress">Progress: {summary.finished} of {summary.total} task instances finished</label>
          <progress id="run-progress" max={1} value={summary.progress} />
          {summary.needs_attention ? <p className="warning" role="status">Needs attention: a task failed or is retrying.</p> : null}
        </div>
      ) : null}
      <div className="table-wrap" role="region" aria-label="Tasks table" tabIndex={0}>
        <table className="tasks">
          <caption>Tasks in stage order</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">State</th>
              <th scope="col">Try</th>
              <th scope="col">Log</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((ti) => {
              const label = `${ti.task_display_name ?? ti.task_id}${(ti.map_index ?? -1) >= 0 ? ` [${ti.map_index}]` : ""}`;
              return (
                <tr key={`${ti.task_id}/${ti.map_index ?? -1}`} data-task={ti.task_id}>
                  <td>{label}</td>
                  <td><StateBadge state={ti.state} /></td>
                  <td>{ti.try_number ?? ""}</td>
                  <td>
                    <button type="button" aria-label={`Log of ${label}`} onClick={() => setLog({ taskId: ti.task_id, mapIndex: ti.map_index ?? -1 })}>Log</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {log !== null ? (
        <LogPanel
          target={{ dagId, runId, ...log }}
          taskState={sorted.find((ti) => ti.task_id === log.taskId && (ti.map_index ?? -1) === log.mapIndex)?.state ?? ""}
          available={found.has("logs")}
          onClose={() => setLog(null)}
        />
      ) : null}
      <RunActions run={run} finished={finished} found={found} onChanged={setRun} />
    </section>
  );
}

function RunActions({ run, finished, found, onChanged }: { run: RunWithRerun; finished: boolean; found: Set<Capability>; onChanged: (run: Run) => void }) {
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [onlyFailed, setOnlyFailed] = useState(true);

  const stop = async () => {
    const { data, error, response } = await airgate.PATCH("/api/v1/workflows/{dag_id}/runs/{dag_run_id}", {
      params: { path: { dag_id: run.dag_id, dag_run_id: run.dag_run_id } },
      body: { state: "failed", ...(note.trim() !== "" ? { note: note.trim() } : {}) },
    });
    if (data !== undefined) {
      onChanged({ ...run, ...data });
      setMessage({ text: "The run was stopped.", bad: false });
    } else setMessage({ text: describeProblem(error, response.status), bad: true });
  };

  const clear = async () => {
    const answer = await clearRun(run.dag_id, run.dag_run_id, onlyFailed, false);
    if (answer.kind === "ok") setMessage({ text: `${answer.total} task instances will run again.`, bad: false });
    else if (answer.kind === "unavailable") setMessage({ text: "This Airgate has no clear endpoint yet (404).", bad: true });
    else setMessage({ text: describeProblem(answer.problem, answer.status), bad: true });
  };

  return (
    <section className="run-actions" aria-labelledby="actions-title">
      <h3 id="actions-title">Actions</h3>
      {!finished ? (
        <form className="inline-form" aria-label="Stop the run" onSubmit={(e) => { e.preventDefault(); void stop(); }}>
          <div className="field">
            <label htmlFor="stop-note">Why stop it (note, optional)</label>
            <input id="stop-note" type="text" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="danger">Stop run</button>
        </form>
      ) : (
        <form className="inline-form" aria-label="Clear the run" onSubmit={(e) => { e.preventDefault(); void clear(); }}>
          <label className="inline">
            <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} /> Only failed tasks
          </label>
          <button type="submit" disabled={!found.has("clear")} title={found.has("clear") ? undefined : "This Airgate has no clear endpoint yet"}>Clear (run tasks again)</button>
        </form>
      )}
      <p>
        <Link to={{ page: "run", dagId: run.dag_id, runId: run.dag_run_id, rerun: true }} className="button">Rerun with corrections…</Link>{" "}
        <Link to={{ page: "launch", dagId: run.dag_id, from: run.dag_run_id }} className="button">Launch again…</Link>
      </p>
      <div aria-live="polite">{message ? <p className={message.bad ? "problem" : "ok"}>{message.text}</p> : null}</div>
    </section>
  );
}
