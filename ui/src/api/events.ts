// Issue 9's run events (GET .../runs/{dag_run_id}/events) and listing events (GET .../runs/events), as SSE.
// Shapes from the agreed contract; once the OpenAPI snapshot has the RunEvent* schemas these local types can be
// replaced by components["schemas"][...].
import type { Run, RunSummary, TaskInstance } from "./client";
import { readEventStream, type StreamOutcome } from "./sse";

export type RunEvent =
  | { type: "snapshot"; run: Run; task_instances: TaskInstance[]; summary: RunSummary }
  | { type: "run"; run: Run }
  | { type: "task_instance"; task_instance: TaskInstance }
  | { type: "summary"; summary: RunSummary }
  | { type: "end"; state: string }
  | { type: "error"; title: string; status: number; detail?: string };

function parse(event: string, data: string): RunEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  const b = body as Record<string, unknown>;
  switch (event) {
    case "snapshot":
      return { type: "snapshot", run: b.run as Run, task_instances: (b.task_instances as TaskInstance[]) ?? [], summary: b.summary as RunSummary };
    case "run":
      return { type: "run", run: b.run as Run };
    case "task_instance":
      return { type: "task_instance", task_instance: b.task_instance as TaskInstance };
    case "summary":
      return { type: "summary", summary: body as RunSummary };
    case "end":
      return { type: "end", state: String(b.state ?? "") };
    case "error":
      return { type: "error", title: String(b.title ?? "Airflow failed"), status: Number(b.status ?? 502), detail: b.detail as string | undefined };
    default:
      return null;
  }
}

const runPath = (dagId: string, runId: string) =>
  `/api/v1/workflows/${encodeURIComponent(dagId)}/runs/${encodeURIComponent(runId)}/events`;

/** Follows one run; resumes with Last-Event-ID after a dropped connection. Resolves when the run ends or signal aborts. */
export async function followRun(
  dagId: string,
  runId: string,
  onEvent: (event: RunEvent) => void,
  signal: AbortSignal,
): Promise<StreamOutcome> {
  let lastId: string | null = null;
  for (let attempt = 0; ; attempt++) {
    let ended = false;
    const outcome = await readEventStream(
      runPath(dagId, runId),
      (e) => {
        lastId = e.id ?? lastId;
        const parsed = parse(e.event, e.data);
        if (parsed !== null) {
          ended ||= parsed.type === "end";
          onEvent(parsed);
        }
      },
      signal,
      lastId,
    ).catch((error: unknown) => (signal.aborted ? ({ kind: "ended" } as const) : ({ kind: "failed", status: 0, body: String(error) } as const)));
    if (ended || signal.aborted || outcome.kind === "unavailable" || (outcome.kind === "failed" && outcome.status !== 0 && outcome.status < 500)) {
      return outcome;
    }
    // Dropped or 5xx: try again, a little later each time (at most 10 s).
    await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * 2 ** Math.min(attempt, 4))));
  }
}

export interface ListingFilter {
  dagId: string; // "~" for every workflow
  mine: boolean;
  states: string[];
  userNamePattern: string;
}

/** Runs entering or changing in a listing. Resolves when the stream closes or signal aborts. */
export function followListing(filter: ListingFilter, onRun: (run: Run) => void, signal: AbortSignal): Promise<StreamOutcome> {
  const query = new URLSearchParams();
  if (filter.mine) query.set("mine", "true");
  if (filter.userNamePattern !== "") query.set("user_name_pattern", filter.userNamePattern);
  for (const state of filter.states) query.append("state", state);
  const url = `/api/v1/workflows/${encodeURIComponent(filter.dagId)}/runs/events?${query.toString()}`;
  return readEventStream(
    url,
    (e) => {
      const parsed = parse(e.event, e.data);
      if (parsed?.type === "run") {
        onRun(parsed.run);
      }
    },
    signal,
  ).catch((error: unknown) => (signal.aborted ? ({ kind: "ended" } as const) : ({ kind: "failed", status: 0, body: String(error) } as const)));
}
