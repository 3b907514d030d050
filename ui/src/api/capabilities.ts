// Which optional routes this Airgate serves, read once from its own OpenAPI document. The run events, listing events,
// task logs, rerun and clear arrived in a later Airgate than the rest; against an older one the page says so and
// falls back (polling) instead of failing.
export type Capability = "runEvents" | "listEvents" | "logs" | "rerun" | "clear";

const routes: Record<Capability, [path: string, method: string]> = {
  runEvents: ["/api/v1/workflows/{dag_id}/runs/{dag_run_id}/events", "get"],
  listEvents: ["/api/v1/workflows/{dag_id}/runs/events", "get"],
  logs: ["/api/v1/workflows/{dag_id}/runs/{dag_run_id}/tasks/{task_id}/logs", "get"],
  rerun: ["/api/v1/workflows/{dag_id}/runs/{dag_run_id}/rerun", "post"],
  clear: ["/api/v1/workflows/{dag_id}/runs/{dag_run_id}/clear", "post"],
};

let loaded: Promise<Set<Capability>> | null = null;

export function capabilities(): Promise<Set<Capability>> {
  loaded ??= fetch("/openapi/v1.json", { cache: "no-cache" })
    .then((response) => (response.ok ? (response.json() as Promise<{ paths?: Record<string, Record<string, unknown>> }>) : { paths: {} }))
    .then((document) => {
      const found = new Set<Capability>();
      for (const [name, [path, method]] of Object.entries(routes) as [Capability, [string, string]][]) {
        if (document.paths?.[path]?.[method] !== undefined) {
          found.add(name);
        }
      }
      return found;
    })
    .catch(() => new Set<Capability>());
  return loaded;
}

/** A 404 from Airgate's router itself (no such route), as opposed to "no such run". */
export function isRouteMissing(status: number, body: unknown): boolean {
  if (status !== 404) {
    return false;
  }
  const detail = body !== null && typeof body === "object" && "detail" in body ? (body as { detail?: unknown }).detail : null;
  return detail === null || detail === undefined || detail === "Nothing exists at this path.";
}
