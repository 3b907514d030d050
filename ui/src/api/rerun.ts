// Issue 9's rerun (POST .../runs/{dag_run_id}/rerun) and clear (POST .../runs/{dag_run_id}/clear).
import { isRouteMissing } from "./capabilities";
import { currentHeaders, type DryRun, type Problem, type Run, type TaskInstance } from "./client";

export interface Change {
  pipeline: string | null;
  pointer: string;
  old?: unknown;
  new?: unknown;
  by: "user" | "default";
}

export interface RerunBody {
  pipelines?: Record<string, unknown>;
  params?: Record<string, unknown>;
  note?: string;
}

export type RerunAnswer =
  | { kind: "dry_run"; answer: DryRun & { changes: Change[] } }
  | { kind: "started"; run: Run & { rerun_of?: string | null }; changes: Change[] }
  | { kind: "problem"; status: number; problem: Problem }
  | { kind: "unavailable" };

export async function rerun(dagId: string, runId: string, body: RerunBody, options: { dryRun: boolean; idempotencyKey?: string }): Promise<RerunAnswer> {
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json", ...currentHeaders() };
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  const path = `/api/v1/workflows/${encodeURIComponent(dagId)}/runs/${encodeURIComponent(runId)}/rerun${options.dryRun ? "?dry_run=true" : ""}`;
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (isRouteMissing(response.status, answer)) return { kind: "unavailable" };
  if (!response.ok || answer === null) {
    return { kind: "problem", status: response.status, problem: (answer ?? { title: `Airgate answered ${response.status}` }) as Problem };
  }
  if (options.dryRun) return { kind: "dry_run", answer: answer as unknown as DryRun & { changes: Change[] } };
  return { kind: "started", run: answer.run as Run, changes: (answer.changes as Change[]) ?? [] };
}

export type ClearAnswer =
  | { kind: "ok"; taskInstances: TaskInstance[]; total: number }
  | { kind: "problem"; status: number; problem: Problem }
  | { kind: "unavailable" };

export async function clearRun(dagId: string, runId: string, onlyFailed: boolean, dryRun: boolean): Promise<ClearAnswer> {
  const path = `/api/v1/workflows/${encodeURIComponent(dagId)}/runs/${encodeURIComponent(runId)}/clear${dryRun ? "?dry_run=true" : ""}`;
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...currentHeaders() },
    body: JSON.stringify({ only_failed: onlyFailed }),
  });
  const answer = (await response.json().catch(() => null)) as { task_instances?: TaskInstance[]; total_entries?: number } | null;
  if (isRouteMissing(response.status, answer)) return { kind: "unavailable" };
  if (!response.ok || answer === null) {
    return { kind: "problem", status: response.status, problem: (answer ?? { title: `Airgate answered ${response.status}` }) as Problem };
  }
  return { kind: "ok", taskInstances: answer.task_instances ?? [], total: answer.total_entries ?? 0 };
}
