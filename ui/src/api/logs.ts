// Issue 9's task logs: GET .../runs/{dag_run_id}/tasks/{task_id}/logs (JSON pages, or SSE with follow=true).
import { isRouteMissing } from "./capabilities";
import { currentHeaders, describeProblem } from "./client";
import { readEventStream } from "./sse";

export type LogEntry = string | { event?: unknown; timestamp?: unknown; level?: unknown; [key: string]: unknown };

export interface LogTarget {
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  tryNumber?: number;
}

export type LogAnswer =
  | { kind: "ok"; content: LogEntry[]; continuationToken: string | null }
  | { kind: "unavailable" }
  | { kind: "failed"; status: number; message: string };

function url(target: LogTarget, extra: Record<string, string>): string {
  const query = new URLSearchParams({ map_index: String(target.mapIndex), ...extra });
  if (target.tryNumber !== undefined) query.set("try_number", String(target.tryNumber));
  return `/api/v1/workflows/${encodeURIComponent(target.dagId)}/runs/${encodeURIComponent(target.runId)}/tasks/${encodeURIComponent(target.taskId)}/logs?${query.toString()}`;
}

/** One line of text per entry, as the plain-text form of the route writes it. */
export function formatEntry(entry: LogEntry): string {
  if (typeof entry === "string") return entry;
  const parts = [entry.timestamp, entry.level, entry.event].filter((p) => p !== undefined && p !== null).map(String);
  return parts.length > 0 ? parts.join(" ") : JSON.stringify(entry);
}

export async function readLog(target: LogTarget, continuationToken?: string | null): Promise<LogAnswer> {
  const response = await fetch(url(target, continuationToken ? { continuation_token: continuationToken } : {}), {
    headers: { Accept: "application/json", ...currentHeaders() },
  });
  const body = (await response.json().catch(() => null)) as { content?: LogEntry[]; continuation_token?: string | null } | null;
  if (isRouteMissing(response.status, body)) return { kind: "unavailable" };
  if (!response.ok || body === null) return { kind: "failed", status: response.status, message: describeProblem(body, response.status) };
  return { kind: "ok", content: body.content ?? [], continuationToken: body.continuation_token ?? null };
}

/** Follows the log until the task instance finishes (event `end`) or signal aborts. */
export async function followLog(target: LogTarget, onEntries: (entries: LogEntry[]) => void, onEnd: (state: string) => void, signal: AbortSignal): Promise<LogAnswer | null> {
  const outcome = await readEventStream(
    url(target, { follow: "true" }),
    (e) => {
      try {
        const body = JSON.parse(e.data) as { content?: LogEntry[]; state?: string };
        if (e.event === "log") onEntries(body.content ?? []);
        else if (e.event === "end") onEnd(body.state ?? "");
      } catch {
        // a malformed event is skipped; the next one carries on
      }
    },
    signal,
  ).catch(() => ({ kind: "ended" }) as const);
  if (outcome.kind === "unavailable") return { kind: "unavailable" };
  if (outcome.kind === "failed") return { kind: "failed", status: outcome.status, message: describeProblem(outcome.body, outcome.status) };
  return null;
}
